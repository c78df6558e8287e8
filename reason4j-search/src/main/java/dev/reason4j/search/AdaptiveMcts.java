package dev.reason4j.search;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link RStarMcts} that stops a problem's search once it is settled and gives the saved rollouts to problems that
 * are not: easy problems cost a few rollouts, hard ones get more than the fixed budget.
 *
 * <p>Settled: after at least {@link AdaptiveOptions#minRollouts()} rollouts, the answers found so far are grouped
 * by equality and each terminal answer weighs {@code w = (1 + clamp(v, −1, 1)) / 2} for its terminal value
 * {@code v} (1 without a reward model); the leading answer must hold at least {@link AdaptiveOptions#settleShare()}
 * of the total weight, {@code Σ_lead w / Σ_all w ≥ share}, and, when a reward model scores answers, its best score
 * must reach {@link AdaptiveOptions#settleScore()}.
 *
 * <p>Budget: the problems of one {@link #solve} call share {@code problems × rollouts} rollouts. A problem always
 * gets its own {@code rollouts} unless it settles earlier; beyond that it may begin another rollout (up to
 * {@link AdaptiveOptions#maxRollouts()}) while the pool holds rollouts that no unsettled problem still needs for
 * its own share. Problems draw from the pool in batch order, so a problem's rollout count, unlike its tree for a
 * given count, depends on the batch it is solved in.
 */
public final class AdaptiveMcts extends RStarMcts {

    private final AdaptiveOptions adaptive;

    public AdaptiveMcts(MctsOptions options, AdaptiveOptions adaptive) {
        super(options);
        this.adaptive = Objects.requireNonNull(adaptive, "adaptive");
        if (adaptive.maxRollouts() < options.rollouts()) {
            throw new IllegalArgumentException("maxRollouts (" + adaptive.maxRollouts()
                    + ") must be >= the base rollouts (" + options.rollouts() + ")");
        }
    }

    @Override
    public String name() {
        return "adaptive-mcts";
    }

    public AdaptiveOptions adaptiveOptions() {
        return adaptive;
    }

    @Override
    boolean wantsRollout(SearchContext ctx, MctsProblem p, List<MctsProblem> all) {
        if (p.started >= adaptive.maxRollouts()) {
            return false;
        }
        if (p.started >= adaptive.minRollouts() && settled(ctx, p)) {
            return false;
        }
        return p.started < options.rollouts() || spare(p, all) > 0;
    }

    /** Whether the leading answer holds the required share of terminal weight and score. */
    boolean settled(SearchContext ctx, MctsProblem p) {
        List<Candidate> candidates = p.search.tree.answers().stream()
                .map(n -> new Candidate(n.answer().orElseThrow(), candidateScore(n), n.id()))
                .toList();
        List<AnswerCluster> clusters = AnswerVote.cluster(candidates, ctx.grader());
        Optional<AnswerCluster> lead = AnswerVote.choose(clusters, AnswerSelection.WEIGHTED);
        if (lead.isEmpty()) {
            return false;
        }
        double total = clusters.stream().mapToDouble(AnswerCluster::weight).sum();
        if (total <= 0 || lead.get().weight() / total < adaptive.settleShare()) {
            return false;
        }
        return ctx.scorer().isEmpty() || lead.get().bestScore() >= adaptive.settleScore();
    }

    /** Rollouts of the shared pool that no other unsettled problem still needs for its own share. */
    private long spare(MctsProblem p, List<MctsProblem> all) {
        long pool = (long) all.size() * options.rollouts();
        long reserved = 0;
        for (MctsProblem q : all) {
            pool -= q.started;
            if (q != p && !q.done) {
                reserved += Math.max(0, options.rollouts() - q.started);
            }
        }
        return pool - reserved;
    }
}
