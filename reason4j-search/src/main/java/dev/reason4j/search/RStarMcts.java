package dev.reason4j.search;

import dev.reason4j.lm.reward.RewardModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Monte Carlo tree search over reasoning steps as in rStar-Math (Guan et al., "rStar-Math: Small LLMs Can Master
 * Math Reasoning with Self-Evolved Deep Thinking", arXiv:2501.04519, 2025), with UCT selection (Kocsis and
 * Szepesvári, "Bandit based Monte-Carlo Planning", ECML 2006).
 *
 * <p><b>A rollout.</b> <i>Selection</i> walks from the root through expanded nodes, at each level taking the child
 * that is neither ended nor exhausted with the highest
 * <pre>
 *   UCT(s) = Q(s) + c · sqrt( ln N_parent(s) / N(s) ),    Q(s) = q(s) / N(s)
 * </pre>
 * where {@code q(s)} sums the values backed up through {@code s} and {@code N(s)} counts them ({@code c} =
 * {@link MctsOptions#exploration()}, 2 by default; ties are broken at random from the problem's own stream;
 * {@code ln N_parent} is taken as 0 while the parent is unvisited). A child with {@code N = 0} scores +∞ (explored
 * first) or, with rStar's quirk {@link MctsOptions#unvisitedScoresZero()}, 0. A node all of whose children ended is
 * marked exhausted and selection restarts at the root; a problem whose root is exhausted is done. <i>Expansion</i>
 * samples {@link MctsOptions#candidates()} next steps of the selected leaf (duplicates removed), runs their code
 * and adds them as children. The rollout then descends into the best unfinished new child by UCT and expands it,
 * and so on, until a node's new children have all ended (rStar's rollouts run to the end of a trajectory).
 *
 * <p><b>Values.</b> A child that ends with an answer gets a terminal value {@code v}: the oracle's ±1 during data
 * synthesis (when the context has an oracle), otherwise the reward model's score of the complete trajectory (the
 * PPM at inference), otherwise 0. It is backed up to the root: for every node {@code s} on the path,
 * {@code q(s) ← q(s) + v} and {@code N(s) ← N(s) + 1}. A dead end (no answer, too many steps, too many code
 * errors, context full) gets {@link MctsOptions#invalidPenalty()}, backed up the same way, or counted into the
 * dead end alone with rStar's quirk ({@code propagateInvalidPenalty} off). With a process reward model, each new
 * unfinished child is initialised with its PPM score {@code v}: {@code q = v, N = 1} ("PPM-initialised Q"), which
 * is not backed up. All generation of a round (one expansion per problem) and all reward scoring of a round run as
 * batches over every problem of the call.
 *
 * <p>The answer is picked among all terminal answers by {@link MctsOptions#selection()}; a terminal answer's score
 * is its terminal value (the PPM score at inference: rStar-Math's top-PPM choice).
 */
public sealed class RStarMcts extends SearchStrategy permits AdaptiveMcts {

    /** One problem's search: the node the current rollout expands next, and rollouts begun. */
    static final class MctsProblem {
        final ProblemSearch search;
        SearchNode cursor;
        int started;
        boolean done;

        MctsProblem(ProblemSearch search) {
            this.search = search;
        }
    }

    final MctsOptions options;

    public RStarMcts(MctsOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    public String name() {
        return "mcts";
    }

    @Override
    public AnswerSelection selection() {
        return options.selection();
    }

    public MctsOptions options() {
        return options;
    }

    @Override
    void check(SearchContext ctx) {
        if (options.candidates() > 1 && ctx.settings().temperature() == 0) {
            throw new IllegalArgumentException(name() + " samples " + options.candidates()
                    + " candidates per node: it needs a sampling temperature > 0");
        }
    }

    /** Whether {@code p} should begin another rollout; fixed-budget MCTS runs {@link MctsOptions#rollouts()}. */
    boolean wantsRollout(SearchContext ctx, MctsProblem p, List<MctsProblem> all) {
        return p.started < options.rollouts();
    }

    @Override
    final void search(SearchRun run, List<ProblemSearch> searches) {
        List<MctsProblem> problems = searches.stream().map(MctsProblem::new).toList();
        double temperature = run.ctx.settings().temperature();
        while (true) {
            for (MctsProblem p : problems) {
                if (!p.done && p.cursor == null) {
                    beginRollout(run.ctx, p, problems);
                }
            }
            List<MctsProblem> live = problems.stream().filter(p -> p.cursor != null).toList();
            if (live.isEmpty()) {
                return;
            }
            List<Expander.Request> requests = live.stream()
                    .map(p -> new Expander.Request(p.search, p.cursor, options.candidates(), temperature,
                            options.removeDuplicates()))
                    .toList();
            List<List<SearchNode>> children = run.expand(requests);
            evaluate(run, live, children);
            for (int i = 0; i < live.size(); i++) {
                advance(live.get(i));
            }
        }
    }

    private void beginRollout(SearchContext ctx, MctsProblem p, List<MctsProblem> all) {
        SearchNode leaf = p.search.overBudget() || !wantsRollout(ctx, p, all) ? null : select(p);
        if (leaf == null) {
            p.done = true;
            p.search.finish();
            return;
        }
        p.cursor = leaf;
        p.started++;
    }

    /** The leaf a new rollout expands first, or null when the whole tree is exhausted. */
    SearchNode select(MctsProblem p) {
        SearchNode root = p.search.tree.root();
        SearchNode node = root;
        while (!node.isTerminal() && node.isExpanded()) {
            SearchNode child = bestChild(node, p);
            if (child == null) {
                node.markExhausted();
                if (node == root) {
                    return null;
                }
                node = root;
            } else {
                node = child;
            }
        }
        return node.isTerminal() ? null : node;
    }

    /** The open child with the highest UCT, ties broken at random; null when every child ended or is exhausted. */
    SearchNode bestChild(SearchNode node, MctsProblem p) {
        List<SearchNode> best = new ArrayList<>();
        double bestScore = Double.NEGATIVE_INFINITY;
        for (SearchNode child : node.children()) {
            if (child.isTerminal() || child.isExhausted()) {
                continue;
            }
            double score = uct(child, options.exploration(), options.unvisitedScoresZero());
            if (score > bestScore) {
                bestScore = score;
                best.clear();
                best.add(child);
            } else if (score == bestScore) {
                best.add(child);
            }
        }
        if (best.isEmpty()) {
            return null;
        }
        return best.size() == 1 ? best.get(0) : best.get(p.search.random.nextInt(best.size()));
    }

    /** {@code Q(s) + c·sqrt(ln N_parent / N(s))}; an unvisited child scores +∞, or 0 with rStar's quirk. */
    static double uct(SearchNode child, double exploration, boolean unvisitedScoresZero) {
        if (child.visits() == 0) {
            return unvisitedScoresZero ? 0 : Double.POSITIVE_INFINITY;
        }
        int parentVisits = child.parent().map(SearchNode::visits).orElse(0);
        return child.q() + exploration * Math.sqrt(Math.log(Math.max(parentVisits, 1)) / child.visits());
    }

    /** Scores the round's new children (one batch per reward model) and backs up terminal values. */
    private void evaluate(SearchRun run, List<MctsProblem> live, List<List<SearchNode>> children) {
        Optional<RewardModel> terminalScorer = run.ctx.oracle().or(() -> run.ctx.valueModel());
        Optional<RewardModel> ppm = run.ctx.valueModel().filter(m -> m.kind() == RewardModel.Kind.PROCESS);
        List<NodeScorer.Item> answers = new ArrayList<>();
        List<NodeScorer.Item> open = new ArrayList<>();
        for (int i = 0; i < live.size(); i++) {
            for (SearchNode child : children.get(i)) {
                NodeScorer.Item item = new NodeScorer.Item(live.get(i).search, child);
                if (child.answer().isPresent()) {
                    answers.add(item);
                } else if (!child.isTerminal()) {
                    open.add(item);
                }
            }
        }
        terminalScorer.ifPresent(m -> run.score(m, answers));
        ppm.ifPresent(m -> run.score(m, open));
        for (List<SearchNode> kids : children) {
            for (SearchNode child : kids) {
                if (child.answer().isPresent()) {
                    child.backpropagate(child.hasReward() ? child.reward() : 0);
                } else if (child.isTerminal()) {
                    penalize(child);
                } else if (child.hasReward()) {
                    child.update(child.reward());
                }
            }
        }
    }

    /** Ends the current rollout step: descends into the best new child, or ends the rollout. */
    private void advance(MctsProblem p) {
        SearchNode node = p.cursor;
        if (node.isTerminal()) { // its trajectory no longer fits the context
            penalize(node);
            endRollout(p);
            return;
        }
        SearchNode next = p.search.overBudget() ? null : bestChild(node, p);
        if (next == null) {
            if (node.children().stream().allMatch(c -> c.isTerminal() || c.isExhausted())) {
                node.markExhausted();
            }
            endRollout(p);
        } else {
            p.cursor = next;
        }
    }

    private void penalize(SearchNode node) {
        node.setReward(options.invalidPenalty());
        if (options.propagateInvalidPenalty()) {
            node.backpropagate(options.invalidPenalty());
        } else {
            node.update(options.invalidPenalty());
        }
    }

    private static void endRollout(MctsProblem p) {
        p.cursor = null;
        p.search.rollouts++;
    }
}
