package dev.reason4j.app.ui;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * maj@k: the expected accuracy of majority voting (self-consistency; Wang et al., "Self-Consistency Improves Chain
 * of Thought Reasoning in Language Models", arXiv:2203.11171, 2022) over k samples drawn without replacement from
 * the n samples a search produced:
 *
 * <pre>
 *   maj@k = E_{S ⊂ samples, |S| = k} [ share of correct answers among the answers with most votes in S ]
 * </pre>
 *
 * Samples without an answer do not vote; a draw where nobody voted is wrong; a tie counts the share of the tied
 * answers that are correct (a random tie-break, in expectation). Exact over all C(n, k) draws up to
 * {@value #EXACT_LIMIT} of them, else the mean of that many draws from a fixed seed.
 */
final class MajorityAtK {

    static final int EXACT_LIMIT = 20_000;

    /**
     * One sample.
     *
     * @param vote the answer it votes for (equal answers share a vote), {@code null} when it has none
     * @param correct whether that answer is correct
     */
    record Sample(String vote, boolean correct) {}

    private MajorityAtK() {}

    static double estimate(List<Sample> samples, int k) {
        int n = samples.size();
        if (k < 1 || k > n) {
            throw new IllegalArgumentException("k must be in [1, " + n + "], was " + k);
        }
        int[] pick = new int[k];
        if (binomial(n, k) <= EXACT_LIMIT) {
            for (int i = 0; i < k; i++) {
                pick[i] = i;
            }
            double sum = 0;
            long draws = 0;
            do {
                sum += vote(samples, pick);
                draws++;
            } while (next(pick, n));
            return sum / draws;
        }
        SplittableRandom random = new SplittableRandom(31L * n + k);
        int[] order = new int[n];
        double sum = 0;
        for (int d = 0; d < EXACT_LIMIT; d++) {
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            for (int i = 0; i < k; i++) {   // partial Fisher–Yates: the first k places are a uniform draw
                int j = i + random.nextInt(n - i);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
                pick[i] = order[i];
            }
            sum += vote(samples, pick);
        }
        return sum / EXACT_LIMIT;
    }

    private static double vote(List<Sample> samples, int[] pick) {
        Map<String, Integer> votes = new HashMap<>();
        Map<String, Boolean> correct = new HashMap<>();
        for (int i : pick) {
            Sample s = samples.get(i);
            if (s.vote() != null) {
                votes.merge(s.vote(), 1, Integer::sum);
                correct.putIfAbsent(s.vote(), s.correct());
            }
        }
        int most = 0;
        int tied = 0;
        int tiedCorrect = 0;
        for (Map.Entry<String, Integer> e : votes.entrySet()) {
            if (e.getValue() > most) {
                most = e.getValue();
                tied = 0;
                tiedCorrect = 0;
            }
            if (e.getValue() == most) {
                tied++;
                tiedCorrect += correct.get(e.getKey()) ? 1 : 0;
            }
        }
        return tied == 0 ? 0 : (double) tiedCorrect / tied;
    }

    /** Advances {@code pick} to the next k-combination of 0..n-1 in lexicographic order; false after the last. */
    private static boolean next(int[] pick, int n) {
        int k = pick.length;
        int i = k - 1;
        while (i >= 0 && pick[i] == n - k + i) {
            i--;
        }
        if (i < 0) {
            return false;
        }
        pick[i]++;
        for (int j = i + 1; j < k; j++) {
            pick[j] = pick[j - 1] + 1;
        }
        return true;
    }

    /** C(n, k), saturating at {@link Long#MAX_VALUE}. */
    static long binomial(int n, int k) {
        if (k < 0 || k > n) {
            return 0;
        }
        long result = 1;
        for (int i = 1; i <= Math.min(k, n - k); i++) {
            if (result > Long.MAX_VALUE / (n - i + 1)) {
                return Long.MAX_VALUE;
            }
            result = result * (n - i + 1) / i;
        }
        return result;
    }
}
