package dev.reason4j.recipes.evolve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What one self-evolution round did: the share of training problems its MCTS solved (some trajectory reached the
 * gold answer), in all and by difficulty when the problems carry one; the data it built; the models it trained; and
 * its policy's accuracy on the evaluation problems. One line of {@code rounds.jsonl}.
 *
 * @param round 1-based
 * @param solved problems solved by synthesis, of all problems
 * @param solvedByDifficulty the same by difficulty, in the difficulties' order; empty when unknown
 * @param sftRecords policy SFT trajectories extracted
 * @param pairRecords PPM records (one per node with pairs, plus final-answer records)
 * @param pairs (positive, negative) pairs those records imply
 * @param policy the round's policy
 * @param ppm the round's PPM
 * @param eval the evaluation: its strategy, and correct answers of problems; empty when it was skipped
 * @param evalStrategy the evaluation's strategy name
 */
public record RoundReport(int round, Share solved, Map<String, Share> solvedByDifficulty, long sftRecords,
        long pairRecords, long pairs, Model policy, Model ppm, String evalStrategy, Optional<Share> eval) {

    /** {@code part} of {@code whole}. */
    public record Share(long part, long whole) {
        public double ratio() {
            return whole == 0 ? 0 : (double) part / whole;
        }

        ObjectNode toJson(ObjectNode o, String partName) {
            return o.put("problems", whole).put(partName, part).put(partName + "_share", ratio());
        }
    }

    /**
     * A model a round ends with.
     *
     * @param trained whether this round trained it (false: no data, the round kept the model it had)
     * @param dir where it is, relative to the run directory when inside it; null for no model (no PPM yet)
     * @param steps optimizer steps of this round's training (0 when not trained)
     * @param finalLoss the last step's loss (NaN when not trained)
     */
    public record Model(boolean trained, String dir, long steps, double finalLoss) {
        ObjectNode toJson(ObjectMapper mapper) {
            ObjectNode o = mapper.createObjectNode().put("trained", trained).put("model", dir).put("steps", steps);
            return Double.isFinite(finalLoss) ? o.put("final_loss", finalLoss) : o;
        }
    }

    public RoundReport {
        Objects.requireNonNull(solved, "solved");
        solvedByDifficulty = Collections.unmodifiableMap(new LinkedHashMap<>(solvedByDifficulty));
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(ppm, "ppm");
        Objects.requireNonNull(evalStrategy, "evalStrategy");
        Objects.requireNonNull(eval, "eval");
    }

    /** The report of a round from its stages' outcomes. */
    static RoundReport of(int round, StageOutcome synthesis, StageOutcome data, Model policy, Model ppm,
            String evalStrategy, StageOutcome eval) {
        JsonNode s = synthesis.result();
        Map<String, Share> byDifficulty = new LinkedHashMap<>();
        s.path("by_difficulty").properties().forEach(e -> byDifficulty.put(e.getKey(), solved(e.getValue())));
        JsonNode d = data.result();
        Optional<Share> accuracy = eval.ran()
                ? Optional.of(new Share(eval.result().path("correct").asLong(), eval.result().path("problems").asLong()))
                : Optional.empty();
        return new RoundReport(round, solved(s), byDifficulty, d.path("sft_records").asLong(),
                d.path("pair_records").asLong(), d.path("pairs").asLong(), policy, ppm, evalStrategy, accuracy);
    }

    private static Share solved(JsonNode counts) {
        return new Share(counts.path("solved").asLong(), counts.path("problems").asLong());
    }

    /** The round as one JSON object. */
    public ObjectNode toJson(ObjectMapper mapper) {
        ObjectNode o = solved.toJson(mapper.createObjectNode().put("round", round), "solved");
        ObjectNode levels = o.putObject("solved_by_difficulty");
        solvedByDifficulty.forEach((level, share) -> share.toJson(levels.putObject(level), "solved"));
        o.put("sft_records", sftRecords).put("pair_records", pairRecords).put("pairs", pairs);
        o.set("policy", policy.toJson(mapper));
        o.set("ppm", ppm.toJson(mapper));
        ObjectNode e = o.putObject("eval").put("strategy", evalStrategy);
        eval.ifPresentOrElse(share -> e.put("problems", share.whole()).put("correct", share.part())
                .put("accuracy", share.ratio()), () -> e.putNull("accuracy"));
        return o;
    }
}
