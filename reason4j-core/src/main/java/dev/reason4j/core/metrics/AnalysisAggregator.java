package dev.reason4j.core.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Folds analysed responses and input issues into an {@link AnalysisSummary}, one at a time, so a run of any size
 * is summarised in one pass. Keeps per response only its length, verdict and problem (for the length analysis and
 * the CDF). Not thread-safe.
 */
public final class AnalysisAggregator {

    /** How many line numbers each issue kind keeps. */
    public static final int ISSUE_LINES_KEPT = 5;

    private static final Comparator<WastedCompute> LEAST_WASTED_FIRST = Comparator
            .comparingLong(WastedCompute::tokensAfterFirstCorrect)
            .thenComparing(Comparator.comparingLong(WastedCompute::line).reversed())
            .thenComparing(Comparator.comparingInt(WastedCompute::sample).reversed());

    private final LengthIntervalAccuracy lengthIntervals;
    private final int examples;

    private long responses;
    private long correct;
    private long anyCorrect;
    private long tokenSum;
    private long summaryTokenSum;
    private long solutionSum;
    private double outcomeSum;
    private double processSum;
    private long laterRounds;
    private long repeatedAnswerRounds;
    private long roundsAfterFirstCorrectSum;
    private long tokensAfterFirstCorrectSum;
    private long tokensOfSolvedSum;
    private long presplit;
    private long noCorrectRound;
    private long[] lengths = new long[1024];
    private final SortedMap<Integer, Long> solutionCounts = new TreeMap<>();
    private final SortedMap<Integer, Long> firstCorrectRounds = new TreeMap<>();
    private final Map<String, List<LengthIntervalAccuracy.Sample>> samplesByProblem = new LinkedHashMap<>();
    private final Map<IssueKind, IssueTally> issues = new EnumMap<>(IssueKind.class);
    private final PriorityQueue<WastedCompute> mostWasted = new PriorityQueue<>(LEAST_WASTED_FIRST);

    /**
     * @param lengthIntervals the length analysis to run over problems with several samples
     * @param examples how many overthinking examples to keep
     */
    public AnalysisAggregator(LengthIntervalAccuracy lengthIntervals, int examples) {
        this.lengthIntervals = lengthIntervals;
        if (examples < 0) {
            throw new IllegalArgumentException("examples must be >= 0, got " + examples);
        }
        this.examples = examples;
    }

    /** Counts one analysed response. */
    public void add(AnalyzedResponse response) {
        ResponseAnalysis a = response.analysis();
        if (responses == lengths.length) {
            lengths = Arrays.copyOf(lengths, lengths.length * 2);
        }
        lengths[(int) responses] = a.tokens();
        responses++;
        correct += a.correct() ? 1 : 0;
        tokenSum += a.tokens();
        summaryTokenSum += a.summaryTokens();
        solutionSum += a.solutionCount();
        outcomeSum += OutcomeEfficiency.term(a);
        processSum += ProcessEfficiency.term(a);
        laterRounds += a.solutionCount() - 1;
        repeatedAnswerRounds += a.repeatedAnswerRounds();
        presplit += a.splitSource() == SplitSource.INPUT ? 1 : 0;
        solutionCounts.merge(a.solutionCount(), 1L, Long::sum);
        samplesByProblem.computeIfAbsent(response.problemKey(), k -> new ArrayList<>())
                .add(new LengthIntervalAccuracy.Sample(a.tokens(), a.correct()));
        if (a.firstCorrect().isEmpty()) {
            noCorrectRound++;
            return;
        }
        int first = a.firstCorrect().getAsInt();
        anyCorrect++;
        firstCorrectRounds.merge(first, 1L, Long::sum);
        roundsAfterFirstCorrectSum += a.roundsAfterFirstCorrect();
        tokensAfterFirstCorrectSum += a.tokensAfterFirstCorrect();
        tokensOfSolvedSum += a.tokens();
        if (examples > 0 && a.tokensAfterFirstCorrect() > 0) {
            mostWasted.add(new WastedCompute(response.line(), response.sample(), response.problemKey(), a.tokens(),
                    a.tokensAfterFirstCorrect(), a.solutionCount(), first));
            if (mostWasted.size() > examples) {
                mostWasted.poll();
            }
        }
    }

    /** Counts one record or response that could not be analysed. */
    public void add(InputIssue issue) {
        issues.computeIfAbsent(issue.kind(), k -> new IssueTally()).add(issue);
    }

    /** The summary of everything added so far. */
    public AnalysisSummary summary() {
        double n = responses;
        Map<IssueKind, IssueSummary> issueSummaries = new EnumMap<>(IssueKind.class);
        issues.forEach((kind, tally) -> issueSummaries.put(kind, tally.summary()));
        List<WastedCompute> wasted = new ArrayList<>(mostWasted);
        wasted.sort(LEAST_WASTED_FIRST.reversed());
        return new AnalysisSummary(
                responses,
                samplesByProblem.size(),
                correct / n,
                tokenSum / n,
                summaryTokenSum / n,
                solutionSum / n,
                outcomeSum / n,
                processSum / n,
                anyCorrect / n,
                laterRounds,
                repeatedAnswerRounds,
                anyCorrect == 0 ? Double.NaN : (double) roundsAfterFirstCorrectSum / anyCorrect,
                tokensOfSolvedSum == 0 ? Double.NaN : (double) tokensAfterFirstCorrectSum / tokensOfSolvedSum,
                solutionCounts,
                firstCorrectRounds,
                noCorrectRound,
                presplit,
                TokenDistribution.of(Arrays.copyOf(lengths, (int) responses)),
                lengthIntervals.compute(samplesByProblem.values()),
                issueSummaries,
                wasted);
    }

    /** Count, smallest line numbers and first message of one issue kind. */
    private static final class IssueTally {
        private long count;
        private final TreeSet<Long> lines = new TreeSet<>();
        private final Map<Long, String> messageByLine = new HashMap<>();

        void add(InputIssue issue) {
            count++;
            if (lines.size() < ISSUE_LINES_KEPT || issue.line() < lines.last()) {
                if (lines.add(issue.line())) {
                    messageByLine.put(issue.line(), issue.message());
                }
                if (lines.size() > ISSUE_LINES_KEPT) {
                    messageByLine.remove(lines.pollLast());
                }
            }
        }

        IssueSummary summary() {
            return new IssueSummary(count, List.copyOf(lines), messageByLine.get(lines.first()));
        }
    }
}
