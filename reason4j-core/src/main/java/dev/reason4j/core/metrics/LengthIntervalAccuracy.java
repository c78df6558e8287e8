package dev.reason4j.core.metrics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The length-versus-accuracy analysis of Luo et al., "O1-Pruner: Length-Harmonizing Fine-Tuning for O1-Like
 * Reasoning Pruning", arXiv:2501.12570 (Section 3, "length disharmony"): for problems with several sampled
 * responses, are the shorter samples of a problem less accurate than its longer ones?
 *
 * <p>Per problem, its n samples are sorted by length (ties keep their input order) and cut by rank into k
 * intervals of (nearly) equal size: the sample of rank r (0-based) falls in interval ⌊k·r/n⌋, so interval 0 holds
 * each problem's shortest samples. Problems with fewer than k samples cannot fill every interval and are left out
 * (and counted). Then, for each interval j:
 * <pre>
 *   instance level:      A_j = (correct samples in interval j over all problems) / (samples in interval j)
 *   distribution level:  Ā_j = (1/P) Σ_p (correct samples of problem p in interval j) / (samples of p in j)
 * </pre>
 * The instance level pools samples, so problems with more samples weigh more; the distribution level weighs
 * every problem equally. The paper observes that the shortest interval is often as accurate as the longest.
 */
public final class LengthIntervalAccuracy {

    private final int intervals;

    /**
     * @param intervals k, the number of length intervals (the paper uses 4)
     */
    public LengthIntervalAccuracy(int intervals) {
        if (intervals < 1) {
            throw new IllegalArgumentException("intervals must be >= 1, got " + intervals);
        }
        this.intervals = intervals;
    }

    public int intervals() {
        return intervals;
    }

    /**
     * One sampled response of a problem.
     *
     * @param tokens its length in tokens
     * @param correct whether its final answer is right
     */
    public record Sample(long tokens, boolean correct) {}

    /**
     * @param index 0 for the shortest samples
     * @param samples samples in this interval over all used problems
     * @param meanTokens their mean length
     * @param instanceAccuracy pooled accuracy A<sub>j</sub>
     * @param distributionAccuracy per-problem accuracy averaged over problems Ā<sub>j</sub>
     */
    public record Interval(int index, long samples, double meanTokens, double instanceAccuracy, double distributionAccuracy) {}

    /**
     * @param intervals one entry per interval, shortest first; empty when no problem had enough samples
     * @param problemsUsed problems with at least k samples
     * @param problemsSkipped problems with fewer than k samples
     */
    public record Result(List<Interval> intervals, int problemsUsed, int problemsSkipped) {
        public Result {
            intervals = List.copyOf(intervals);
        }
    }

    /** The analysis over problems, each given as the list of its samples. */
    public Result compute(Collection<? extends List<Sample>> problems) {
        long[] samples = new long[intervals];
        long[] correct = new long[intervals];
        long[] tokenSum = new long[intervals];
        double[] problemAccuracySum = new double[intervals];
        int used = 0;
        int skipped = 0;
        for (List<Sample> problem : problems) {
            int n = problem.size();
            if (n < intervals) {
                skipped++;
                continue;
            }
            used++;
            List<Sample> byLength = new ArrayList<>(problem);
            byLength.sort(Comparator.comparingLong(Sample::tokens)); // stable: ties keep input order
            int[] inInterval = new int[intervals];
            int[] correctInInterval = new int[intervals];
            for (int rank = 0; rank < n; rank++) {
                Sample s = byLength.get(rank);
                int j = (int) ((long) intervals * rank / n);
                inInterval[j]++;
                samples[j]++;
                tokenSum[j] += s.tokens();
                if (s.correct()) {
                    correctInInterval[j]++;
                    correct[j]++;
                }
            }
            for (int j = 0; j < intervals; j++) {
                problemAccuracySum[j] += (double) correctInInterval[j] / inInterval[j];
            }
        }
        List<Interval> result = new ArrayList<>();
        if (used > 0) {
            for (int j = 0; j < intervals; j++) {
                result.add(new Interval(j, samples[j], (double) tokenSum[j] / samples[j],
                        (double) correct[j] / samples[j], problemAccuracySum[j] / used));
            }
        }
        return new Result(result, used, skipped);
    }
}
