package dev.reason4j.recipes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The preference data of one search-tree node for the process preference model (rStar-Math, arXiv:2501.04519,
 * §3.3): after {@code prompt} and the shared {@code prefixSteps}, each step of {@code positive} is preferred to each
 * step of {@code negative}; the pairwise loss averages over the {@code |positive|·|negative|} pairs. For the
 * final-answer pairs the prefix is empty and each "step" is a whole trajectory.
 *
 * @param prefixSteps the steps from the root down to the node, each with its own separators and observations
 * @param positive candidate next steps that lead to a correct answer, best Q first
 * @param negative candidate next steps that lead only to wrong answers, lowest Q first
 * @param positiveQ the Q value of each positive (mean Q for whole trajectories); NaN when unknown (read from a file
 *     without them)
 * @param negativeQ the Q value of each negative, likewise
 * @param finalAnswer whether the candidates are whole trajectories (the relaxed final-answer pairs)
 */
public record StepPairsRecord(String problemId, String question, String prompt, List<String> prefixSteps,
        List<String> positive, List<String> negative, List<Double> positiveQ, List<Double> negativeQ,
        boolean finalAnswer, String source) implements TrainingRecord {

    public StepPairsRecord {
        TrainingRecord.requireCommon(problemId, question, prompt, source);
        prefixSteps = List.copyOf(prefixSteps);
        positive = List.copyOf(positive);
        negative = List.copyOf(negative);
        positiveQ = List.copyOf(positiveQ);
        negativeQ = List.copyOf(negativeQ);
        if (positive.isEmpty() || negative.isEmpty()) {
            throw new IllegalArgumentException("step pairs need at least one positive and one negative, got "
                    + positive.size() + " and " + negative.size());
        }
        if (positiveQ.size() != positive.size() || negativeQ.size() != negative.size()) {
            throw new IllegalArgumentException("one Q value per candidate: " + positive.size() + " positives with "
                    + positiveQ.size() + " values, " + negative.size() + " negatives with " + negativeQ.size());
        }
    }

    /** The text before every candidate: the prompt and the prefix steps. */
    public String context() {
        return prompt + String.join("", prefixSteps);
    }

    /** The number of (positive, negative) pairs. */
    public int pairCount() {
        return positive.size() * negative.size();
    }

    @Override
    public DataSetKind kind() {
        return DataSetKind.STEP_PAIRS;
    }

    @Override
    public ObjectNode toJson(ObjectMapper mapper) {
        ObjectNode o = TrainingRecord.common(this, mapper);
        prefixSteps.forEach(o.putArray("prefix_steps")::add);
        positive.forEach(o.putArray("positive")::add);
        negative.forEach(o.putArray("negative")::add);
        putValues(o, "positive_q", positiveQ);
        putValues(o, "negative_q", negativeQ);
        return o.put("final_answer", finalAnswer);
    }

    /** Writes {@code values} when all are known: JSON has no NaN. */
    private static void putValues(ObjectNode o, String field, List<Double> values) {
        if (values.stream().allMatch(Double::isFinite)) {
            values.forEach(o.putArray(field)::add);
        }
    }

    static StepPairsRecord read(InputRecord.Fields f) {
        List<String> positive = f.texts("positive");
        List<String> negative = f.texts("negative");
        if (positive.isEmpty()) {
            throw f.error("positive", "is empty");
        }
        if (negative.isEmpty()) {
            throw f.error("negative", "is empty");
        }
        return new StepPairsRecord(f.text("problem_id"), f.text("question"), f.text("prompt"), f.texts("prefix_steps"),
                positive, negative, qValues(f, "positive_q", positive.size()), qValues(f, "negative_q", negative.size()),
                f.boolOr("final_answer", false), f.textOr("source", ""));
    }

    /** The Q values when present; NaN for each candidate of a file written without them. */
    private static List<Double> qValues(InputRecord.Fields f, String field, int count) {
        if (!f.has(field)) {
            return Collections.nCopies(count, Double.NaN);
        }
        JsonNode array = f.node().get(field);
        if (!array.isArray() || array.size() != count) {
            throw f.error(field, "expected " + count + " numbers, one per candidate");
        }
        List<Double> values = new ArrayList<>(count);
        for (JsonNode v : array) {
            if (!v.isNumber()) {
                throw f.error(field, "expected numbers, found " + v);
            }
            values.add(v.asDouble());
        }
        return values;
    }
}
