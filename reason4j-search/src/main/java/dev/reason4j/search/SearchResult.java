package dev.reason4j.search;

import java.util.List;
import java.util.Objects;

/**
 * What a search found for one problem.
 *
 * @param problemId the problem's id
 * @param strategy the strategy's name
 * @param answer the chosen answer, or null when no trajectory ended with one
 * @param answerNode the id of the chosen trajectory's last node, or -1
 * @param response the chosen trajectory as text, or empty
 * @param answers every distinct answer found, with its votes and scores, in order of first appearance
 * @param usage what the search cost
 * @param tree the search tree
 */
public record SearchResult(String problemId, String strategy, String answer, int answerNode, String response,
        List<AnswerCluster> answers, SearchUsage usage, SearchTree tree) {

    public SearchResult {
        Objects.requireNonNull(problemId, "problemId");
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(response, "response");
        answers = List.copyOf(answers);
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(tree, "tree");
        if ((answer == null) != (answerNode < 0)) {
            throw new IllegalArgumentException("answer and answerNode must both be set or both be absent");
        }
    }
}
