package dev.reason4j.search;

import dev.reason4j.core.dataset.Problem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A way to spend test-time compute on problems: grow a search tree per problem with the policy, then pick an answer.
 *
 * <p>Template method: {@link #solve(SearchContext, List, long)} checks the problems and that the context has what
 * the strategy needs, seeds each problem from the run seed and its id, runs the strategy's search over all problems
 * in lockstep (one generation round and one reward batch for every problem at a time), and turns each tree into a
 * {@link SearchResult} by grouping equal answers and applying {@link #selection()}.
 *
 * <p>Seeds are mandatory: the same seed, problem, context and strategy give the same tree, whatever other problems
 * are solved alongside (unless {@link SearchSettings#lockstep()} is set).
 */
public abstract sealed class SearchStrategy permits ChainSearch, PrmBeamSearch, RStarMcts {

    /** A short name for tables and run records, e.g. {@code greedy}, {@code maj@8}, {@code mcts}. */
    public abstract String name();

    /** How the answer is picked among the trajectories that gave one. */
    public abstract AnswerSelection selection();

    /**
     * Solves a batch of problems together.
     *
     * @param seed the run's seed; each problem's random streams are split from it by the problem's id
     * @return one result per problem, in order
     * @throws IllegalArgumentException when the batch is empty, has duplicate ids, or the context lacks what this
     *     strategy needs (a reward model, a sampling temperature)
     */
    public final List<SearchResult> solve(SearchContext ctx, List<Problem> problems, long seed) {
        Objects.requireNonNull(ctx, "ctx");
        Objects.requireNonNull(problems, "problems");
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("problems must not be empty");
        }
        Set<String> ids = new HashSet<>();
        for (Problem p : problems) {
            if (!ids.add(Objects.requireNonNull(p, "problem").id())) {
                throw new IllegalArgumentException("problem id '" + p.id() + "' appears twice in one batch");
            }
        }
        check(ctx);
        if (selection().needsScores() && ctx.scorer().isEmpty()) {
            throw new IllegalArgumentException(name() + ": answer selection " + selection()
                    + " needs a reward model; use MAJORITY without one");
        }
        List<ProblemSearch> searches = new ArrayList<>();
        for (Problem p : problems) {
            String promptText = ctx.prompt().render(p.question(), ctx.tokenizer());
            int[] tokens = ctx.tokenPrompts() ? ctx.tokenizer().orElseThrow().encode(promptText) : new int[0];
            searches.add(new ProblemSearch(p, new SearchTree(p, promptText, tokens), Seeds.forProblem(seed, p.id()),
                    ctx.settings().tokenBudget()));
        }
        search(new SearchRun(ctx, seed), searches);
        searches.forEach(ProblemSearch::finish);
        return searches.stream().map(s -> result(ctx, s)).toList();
    }

    /** Solves one problem. */
    public final SearchResult solve(SearchContext ctx, Problem problem, long seed) {
        return solve(ctx, List.of(problem), seed).get(0);
    }

    /**
     * Checks that the context has what this strategy needs.
     *
     * @throws IllegalArgumentException naming what is missing
     */
    void check(SearchContext ctx) {}

    /** Grows the trees of all problems; calls {@link ProblemSearch#finish()} on each as its search ends. */
    abstract void search(SearchRun run, List<ProblemSearch> searches);

    /** The score a finished trajectory competes with; its reward by default. */
    double candidateScore(SearchNode answerNode) {
        return answerNode.reward();
    }

    private SearchResult result(SearchContext ctx, ProblemSearch s) {
        List<Candidate> candidates = s.tree.answers().stream()
                .map(n -> new Candidate(n.answer().orElseThrow(), candidateScore(n), n.id()))
                .toList();
        List<AnswerCluster> clusters = AnswerVote.cluster(candidates, ctx.grader());
        Optional<AnswerCluster> chosen = AnswerVote.choose(clusters, selection());
        if (chosen.isEmpty()) {
            return new SearchResult(s.problem.id(), name(), null, -1, "", clusters, s.usage(), s.tree);
        }
        SearchNode node = s.tree.node(chosen.get().bestNode());
        return new SearchResult(s.problem.id(), name(), node.answer().orElseThrow(), node.id(), node.trajectory(),
                clusters, s.usage(), s.tree);
    }
}
