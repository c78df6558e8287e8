package dev.reason4j.core.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The distribution of response lengths: quantiles (nearest rank) and an empirical CDF thinned to at most
 * {@link #CDF_POINTS} points for charts.
 *
 * @param count responses
 * @param mean mean tokens, NaN when there are none
 * @param min shortest
 * @param p10 10th percentile
 * @param p25 25th percentile
 * @param median 50th percentile
 * @param p75 75th percentile
 * @param p90 90th percentile
 * @param max longest
 * @param cdf points (tokens, share of responses with at most that many tokens), ascending
 */
public record TokenDistribution(
        long count, double mean, long min, long p10, long p25, long median, long p75, long p90, long max,
        List<CdfPoint> cdf) {

    /** The most points kept in {@link #cdf()}. */
    public static final int CDF_POINTS = 200;

    public TokenDistribution {
        cdf = List.copyOf(cdf);
    }

    /**
     * @param tokens a length
     * @param share the share of responses with at most {@code tokens} tokens, in (0, 1]
     */
    public record CdfPoint(long tokens, double share) {}

    /** The distribution of {@code lengths} (which it sorts in place). */
    public static TokenDistribution of(long[] lengths) {
        int n = lengths.length;
        if (n == 0) {
            return new TokenDistribution(0, Double.NaN, 0, 0, 0, 0, 0, 0, 0, List.of());
        }
        Arrays.sort(lengths);
        long sum = 0;
        for (long l : lengths) {
            sum += l;
        }
        List<CdfPoint> cdf = new ArrayList<>();
        int step = Math.max(1, (n + CDF_POINTS - 1) / CDF_POINTS);
        for (int i = step - 1; i < n; i += step) {
            cdf.add(new CdfPoint(lengths[i], (double) (i + 1) / n));
        }
        if (cdf.getLast().share() < 1) {
            cdf.add(new CdfPoint(lengths[n - 1], 1));
        }
        return new TokenDistribution(n, (double) sum / n, lengths[0], rank(lengths, 10), rank(lengths, 25),
                rank(lengths, 50), rank(lengths, 75), rank(lengths, 90), lengths[n - 1], cdf);
    }

    /** Nearest-rank percentile of sorted values. */
    private static long rank(long[] sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)];
    }
}
