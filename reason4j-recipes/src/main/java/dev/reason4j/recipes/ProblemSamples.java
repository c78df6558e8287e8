package dev.reason4j.recipes;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reason4j.core.metrics.AnalyzedResponse;
import dev.reason4j.core.metrics.io.ResponseAnalysisJson;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The sampled responses of one problem, analysed: split into solution rounds, graded, with token counts (the
 * per-response lines {@code reason4j analyze} writes). The short-target and O1-Pruner recipes start from these.
 *
 * @param problemId what groups the samples: the analysis' {@code problem_key}
 * @param question the problem statement
 * @param samples the responses, in file order
 */
public record ProblemSamples(String problemId, String question, List<AnalyzedResponse> samples) {

    public ProblemSamples {
        Objects.requireNonNull(problemId, "problemId");
        Objects.requireNonNull(question, "question");
        samples = List.copyOf(samples);
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("problem " + problemId + " has no samples");
        }
    }

    /**
     * Reads an analysis' per-response file and groups its lines by problem, problems in order of first appearance.
     * Issue lines (inputs the analysis could not score) are skipped.
     *
     * @throws RecipeInputException naming the file, line and field of a line that is not an analysed response
     */
    public static List<ProblemSamples> read(Path responses) {
        Map<String, List<AnalyzedResponse>> groups = new LinkedHashMap<>();
        for (InputRecord record : InputRecord.readAll(responses)) {
            JsonNode node = record.record().value();
            if (ResponseAnalysisJson.isIssue(node)) {
                continue;
            }
            AnalyzedResponse response;
            try {
                response = ResponseAnalysisJson.readResponse(node);
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new RecipeInputException(record.location() + ": not an analysed response ("
                        + e.getMessage() + "); expected the responses.jsonl of reason4j analyze", e);
            }
            groups.computeIfAbsent(response.problemKey(), k -> new ArrayList<>()).add(response);
        }
        List<ProblemSamples> problems = new ArrayList<>();
        groups.forEach((key, samples) -> problems.add(new ProblemSamples(key, samples.get(0).problem(), samples)));
        return problems;
    }

    /** The index of the longest sample (most tokens, whatever its correctness); ties go to the earlier sample. */
    public int longest() {
        int longest = 0;
        for (int i = 1; i < samples.size(); i++) {
            if (samples.get(i).analysis().tokens() > samples.get(longest).analysis().tokens()) {
                longest = i;
            }
        }
        return longest;
    }

    /** The units of work of a stage over these problems, keyed by problem. */
    public static List<ResumableStage.Unit<ProblemSamples>> units(List<ProblemSamples> problems) {
        return problems.stream().map(p -> new ResumableStage.Unit<>(p.problemId(), p)).toList();
    }

    /** The response's full text: the response itself, or its rounds joined when only rounds were given. */
    public static String text(AnalyzedResponse sample) {
        if (sample.response() != null) {
            return sample.response();
        }
        return String.join("\n\n", sample.analysis().solutions().stream().map(s -> s.text()).toList());
    }
}
