package dev.reason4j.search;

import dev.reason4j.lm.Prompt;
import dev.reason4j.lm.reward.RewardModel;
import dev.reason4j.lm.reward.RewardRequest;
import dev.reason4j.lm.reward.RewardScore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Scores nodes of many problems with a reward model in one batch and counts the cost against each problem. */
final class NodeScorer {

    /** A node of a problem's tree. */
    record Item(ProblemSearch search, SearchNode node) {}

    private NodeScorer() {}

    /**
     * Scores the trajectories ending at the items' nodes; a node that ended with an answer is sent as complete,
     * with the gold answer when {@code model} is an oracle.
     *
     * @return one score per item, in order (empty for no items)
     */
    static List<Double> score(RewardModel model, List<Item> items, boolean tokenPrompts) {
        if (items.isEmpty()) {
            return List.of();
        }
        List<RewardRequest> requests = new ArrayList<>(items.size());
        for (Item item : items) {
            SearchTree tree = item.search().tree;
            Prompt prompt = tokenPrompts ? Prompt.tokens(tree.promptTokens()) : Prompt.text(tree.promptText());
            List<Integer> tokens = tokenPrompts
                    ? Arrays.stream(tree.trajectoryTokens(item.node())).boxed().toList() : List.of();
            boolean complete = item.node().answer().isPresent();
            String reference = model.kind() == RewardModel.Kind.ORACLE ? item.search().problem.answer() : null;
            requests.add(new RewardRequest(prompt, item.node().trajectory(), tokens, complete, reference));
        }
        List<RewardScore> scores = model.score(requests);
        List<Double> values = new ArrayList<>(scores.size());
        for (int i = 0; i < items.size(); i++) {
            ProblemSearch search = items.get(i).search();
            search.rewardRequests++;
            search.rewardTokens += scores.get(i).tokens();
            values.add(scores.get(i).value());
        }
        return values;
    }
}
