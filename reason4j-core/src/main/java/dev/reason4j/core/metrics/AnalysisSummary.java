package dev.reason4j.core.metrics;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The aggregate picture of a set of analysed responses, as {@link AnalysisAggregator} builds it. Means over no
 * responses are NaN.
 *
 * @param responses responses analysed (issues not included)
 * @param problems distinct problems among them
 * @param accuracy share of responses whose final answer is right
 * @param meanTokens mean T
 * @param meanSummaryTokens mean tokens after the reasoning ({@code </think>})
 * @param meanSolutions mean number of solution rounds
 * @param outcomeEfficiency ξ<sub>O</sub>, see {@link OutcomeEfficiency}
 * @param processEfficiency ξ<sub>P</sub>, see {@link ProcessEfficiency}
 * @param anyCorrectShare share of responses with at least one correct round (σ = 1)
 * @param laterRounds rounds after the first, over all responses
 * @param repeatedAnswerRounds those of them whose answer repeats an earlier round's answer
 * @param meanRoundsAfterFirstCorrect mean rounds after the first correct one, over responses with a correct round
 * @param tokensAfterFirstCorrectShare Σ tokens after the first correct round / Σ tokens, over responses with a
 *     correct round: the share of their compute that did not change the outcome
 * @param solutionCounts number of rounds → responses
 * @param firstCorrectRounds 1-based position of the first correct round → responses
 * @param noCorrectRound responses without a correct round
 * @param presplitResponses responses scored from the input's own {@code split_solutions}
 * @param tokens the length distribution
 * @param lengthIntervals the O1-Pruner length-interval accuracy over problems with several samples
 * @param issues records and responses that could not be analysed, by kind
 * @param mostWasted responses with the most tokens after their first correct round, most first
 */
public record AnalysisSummary(
        long responses,
        long problems,
        double accuracy,
        double meanTokens,
        double meanSummaryTokens,
        double meanSolutions,
        double outcomeEfficiency,
        double processEfficiency,
        double anyCorrectShare,
        long laterRounds,
        long repeatedAnswerRounds,
        double meanRoundsAfterFirstCorrect,
        double tokensAfterFirstCorrectShare,
        SortedMap<Integer, Long> solutionCounts,
        SortedMap<Integer, Long> firstCorrectRounds,
        long noCorrectRound,
        long presplitResponses,
        TokenDistribution tokens,
        LengthIntervalAccuracy.Result lengthIntervals,
        Map<IssueKind, IssueSummary> issues,
        List<WastedCompute> mostWasted) {

    public AnalysisSummary {
        solutionCounts = Collections.unmodifiableSortedMap(new TreeMap<>(solutionCounts));
        firstCorrectRounds = Collections.unmodifiableSortedMap(new TreeMap<>(firstCorrectRounds));
        issues = issues.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(issues));
        mostWasted = List.copyOf(mostWasted);
    }

    /** Share of later rounds that repeat an earlier answer; NaN when no response has a second round. */
    public double repeatedAnswerShare() {
        return laterRounds == 0 ? Double.NaN : (double) repeatedAnswerRounds / laterRounds;
    }

    /** Records and responses that were counted but not analysed. */
    public long issueCount() {
        return issues.values().stream().mapToLong(IssueSummary::count).sum();
    }
}
