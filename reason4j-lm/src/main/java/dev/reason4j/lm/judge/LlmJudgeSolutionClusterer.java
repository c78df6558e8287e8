package dev.reason4j.lm.judge;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reason4j.core.metrics.split.CandidateSolution;
import dev.reason4j.core.metrics.split.SolutionClusterer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The diversity judgement of Chen et al., "Do NOT Think That Much for 2+3=?" (arXiv:2412.21187, §2.3), where
 * GPT-4o groups the solution rounds of a response by reasoning strategy, through any language model with a prompt
 * in our own words. Two rounds share a group when they take the same approach, whatever their arithmetic or
 * answer. Group labels from the reply are renumbered in order of first appearance, as {@link SolutionClusterer}
 * requires. An unreadable reply (no JSON array, wrong length) falls back to {@code fallback} and is counted in
 * {@link Judge#unreadableReplies()}. One model call per response with more than one round.
 */
public final class LlmJudgeSolutionClusterer implements SolutionClusterer {

    private final Judge judge;
    private final SolutionClusterer fallback;

    public LlmJudgeSolutionClusterer(Judge judge, SolutionClusterer fallback) {
        this.judge = Objects.requireNonNull(judge, "judge");
        this.fallback = Objects.requireNonNull(fallback, "fallback");
    }

    @Override
    public String name() {
        return "llm:" + judge.modelId();
    }

    @Override
    public int[] clusters(String problem, List<CandidateSolution> solutions) {
        if (solutions.size() <= 1) {
            return new int[solutions.size()];
        }
        StringBuilder q = new StringBuilder();
        q.append("Below is a problem and several solutions a model wrote for it, one after another. Group the "
                + "solutions by reasoning strategy: two solutions are in the same group when they use the same "
                + "method (the same equations, the same order of reasoning), even if their arithmetic or final "
                + "answer differ; a solution that only re-checks an earlier one the same way joins its group.\n\n"
                + "Problem:\n").append(judge.quote(problem)).append("\n\n");
        for (int i = 0; i < solutions.size(); i++) {
            q.append("Solution ").append(i + 1).append(":\n").append(judge.quote(solutions.get(i).text()))
                    .append("\n\n");
        }
        q.append("Reply with a JSON array of group labels, one per solution in order, for example "
                + "[\"A\", \"A\", \"B\"].");
        Optional<int[]> groups = groups(JudgeReplies.lastArray(judge.ask(q.toString())), solutions.size());
        if (groups.isEmpty()) {
            judge.countUnreadable();
            return fallback.clusters(problem, solutions);
        }
        return groups.get();
    }

    /** Labels to cluster ids numbered by first appearance; empty when the reply has the wrong shape. */
    static Optional<int[]> groups(Optional<JsonNode> reply, int n) {
        if (reply.isEmpty() || reply.get().size() != n) {
            return Optional.empty();
        }
        Map<String, Integer> ids = new HashMap<>();
        int[] clusters = new int[n];
        for (int i = 0; i < n; i++) {
            JsonNode label = reply.get().get(i);
            if (!label.isValueNode() || label.isNull() || label.asText().isBlank()) {
                return Optional.empty();
            }
            clusters[i] = ids.computeIfAbsent(label.asText().strip(), k -> ids.size());
        }
        return Optional.of(clusters);
    }
}
