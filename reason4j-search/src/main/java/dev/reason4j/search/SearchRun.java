package dev.reason4j.search;

import dev.reason4j.lm.reward.RewardModel;
import java.util.List;

/** One {@link SearchStrategy#solve} call: the context, and the expander that keeps the run's generation seeds. */
final class SearchRun {

    final SearchContext ctx;
    private final Expander expander;

    SearchRun(SearchContext ctx, long seed) {
        this.ctx = ctx;
        this.expander = new Expander(ctx, seed);
    }

    /** See {@link Expander#expand}; nothing to do for no requests. */
    List<List<SearchNode>> expand(List<Expander.Request> requests) {
        return requests.isEmpty() ? List.of() : expander.expand(requests);
    }

    /** Scores the items' nodes in one batch and stores each score as the node's reward. */
    List<Double> score(RewardModel model, List<NodeScorer.Item> items) {
        List<Double> values = NodeScorer.score(model, items, ctx.tokenPrompts());
        for (int i = 0; i < values.size(); i++) {
            items.get(i).node().setReward(values.get(i));
        }
        return values;
    }
}
