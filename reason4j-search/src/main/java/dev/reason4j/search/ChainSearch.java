package dev.reason4j.search;

import dev.reason4j.lm.reward.RewardModel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Independent trajectories per problem, grown one step per round: the root is sampled {@link #chains()} times in
 * one call (its prompt is computed once), then every unfinished trajectory gets one next step per round.
 */
abstract sealed class ChainSearch extends SearchStrategy permits Greedy, SelfConsistency, BestOfN {

    /** Trajectories per problem. */
    abstract int chains();

    abstract double temperature(SearchContext ctx);

    /** A process model that scores every new step as it is made, if the strategy wants one. */
    Optional<RewardModel> stepScorer(SearchContext ctx) {
        return Optional.empty();
    }

    /** A model that scores the finished trajectories at the end, if the strategy wants one. */
    Optional<RewardModel> answerScorer(SearchContext ctx) {
        return Optional.empty();
    }

    @Override
    final void search(SearchRun run, List<ProblemSearch> searches) {
        double temperature = temperature(run.ctx);
        Optional<RewardModel> steps = stepScorer(run.ctx);
        List<Expander.Request> requests = new ArrayList<>();
        for (ProblemSearch s : searches) {
            requests.add(new Expander.Request(s, s.tree.root(), chains(), temperature, false));
            s.rollouts = chains();
        }
        while (!requests.isEmpty()) {
            List<List<SearchNode>> children = run.expand(requests);
            List<NodeScorer.Item> fresh = new ArrayList<>();
            for (int i = 0; i < requests.size(); i++) {
                for (SearchNode child : children.get(i)) {
                    fresh.add(new NodeScorer.Item(requests.get(i).search(), child));
                }
            }
            if (steps.isPresent()) {
                run.score(steps.get(), fresh.stream()
                        .filter(it -> !it.node().isTerminal() || it.node().answer().isPresent()).toList());
            }
            List<Expander.Request> next = new ArrayList<>();
            Set<ProblemSearch> going = new HashSet<>();
            for (NodeScorer.Item it : fresh) {
                if (!it.node().isTerminal() && !it.search().overBudget()) {
                    next.add(new Expander.Request(it.search(), it.node(), 1, temperature, false));
                    going.add(it.search());
                }
            }
            searches.stream().filter(s -> !going.contains(s)).forEach(ProblemSearch::finish);
            requests = next;
        }
        Optional<RewardModel> answers = answerScorer(run.ctx);
        if (answers.isPresent()) {
            List<NodeScorer.Item> done = new ArrayList<>();
            for (ProblemSearch s : searches) {
                s.tree.answers().forEach(n -> done.add(new NodeScorer.Item(s, n)));
            }
            run.score(answers.get(), done);
        }
    }
}
