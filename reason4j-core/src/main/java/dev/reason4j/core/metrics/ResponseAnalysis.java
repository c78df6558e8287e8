package dev.reason4j.core.metrics;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * What one response spent and where: its rounds with their verdicts, and the per-response terms of the
 * overthinking metrics (Chen et al., arXiv:2412.21187).
 *
 * @param finalAnswer the response's final answer, or {@code null} when it states none
 * @param correct whether the final answer is right (the response's accuracy)
 * @param tokens T, the response's tokens: the sum of its rounds' tokens when the rounds tile the response, else
 *     at least the count of the whole response
 * @param summaryTokens tokens after the reasoning (after {@code </think>}); 0 when there is no summary
 * @param solutions the rounds, in order; at least one
 * @param splitSource where the rounds came from
 */
public record ResponseAnalysis(
        String finalAnswer, boolean correct, long tokens, long summaryTokens, List<AnalyzedSolution> solutions,
        SplitSource splitSource) {

    public ResponseAnalysis {
        solutions = List.copyOf(solutions);
        Objects.requireNonNull(splitSource, "splitSource");
        if (solutions.isEmpty()) {
            throw new IllegalArgumentException("a response has at least one solution round, got none");
        }
        if (tokens < 0 || summaryTokens < 0 || summaryTokens > tokens) {
            throw new IllegalArgumentException("need 0 <= summaryTokens <= tokens, got summaryTokens="
                    + summaryTokens + ", tokens=" + tokens);
        }
    }

    /** The number of solution rounds. */
    public int solutionCount() {
        return solutions.size();
    }

    /** The 1-based position of the first correct round, if any round is correct. */
    public OptionalInt firstCorrect() {
        for (int i = 0; i < solutions.size(); i++) {
            if (solutions.get(i).correct()) {
                return OptionalInt.of(i + 1);
            }
        }
        return OptionalInt.empty();
    }

    /** σ: whether at least one round is correct. */
    public boolean anyCorrect() {
        return firstCorrect().isPresent();
    }

    /** T̂: tokens from the start up to and including the first correct round; 0 when no round is correct. */
    public long tokensToFirstCorrect() {
        OptionalInt first = firstCorrect();
        if (first.isEmpty()) {
            return 0;
        }
        long sum = 0;
        for (int i = 0; i < first.getAsInt(); i++) {
            sum += solutions.get(i).tokens();
        }
        return Math.min(sum, tokens);
    }

    /** Tokens spent after the first correct round; 0 when no round is correct. */
    public long tokensAfterFirstCorrect() {
        return anyCorrect() ? tokens - tokensToFirstCorrect() : 0;
    }

    /** Rounds after the first correct round; 0 when no round is correct. */
    public int roundsAfterFirstCorrect() {
        OptionalInt first = firstCorrect();
        return first.isPresent() ? solutions.size() - first.getAsInt() : 0;
    }

    /** D: tokens of the distinct rounds, at most T. */
    public long distinctTokens() {
        long sum = 0;
        for (AnalyzedSolution s : solutions) {
            if (s.distinct()) {
                sum += s.tokens();
            }
        }
        return Math.min(sum, tokens);
    }

    /** Rounds after the first whose answer repeats an earlier round's. */
    public int repeatedAnswerRounds() {
        int n = 0;
        for (AnalyzedSolution s : solutions) {
            if (s.repeatsEarlierAnswer()) {
                n++;
            }
        }
        return n;
    }

    /** This response's term of ξ_O; see {@link OutcomeEfficiency}. */
    public double outcomeEfficiency() {
        return OutcomeEfficiency.term(this);
    }

    /** This response's term of ξ_P; see {@link ProcessEfficiency}. */
    public double processEfficiency() {
        return ProcessEfficiency.term(this);
    }
}
