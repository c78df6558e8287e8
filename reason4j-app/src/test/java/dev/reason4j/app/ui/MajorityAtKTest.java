package dev.reason4j.app.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MajorityAtKTest {

    private static MajorityAtK.Sample right(String vote) {
        return new MajorityAtK.Sample(vote, true);
    }

    private static MajorityAtK.Sample wrong(String vote) {
        return new MajorityAtK.Sample(vote, false);
    }

    private static final MajorityAtK.Sample NONE = new MajorityAtK.Sample(null, false);

    @Test
    void should_average_the_majority_over_every_draw_and_split_ties() {
        List<MajorityAtK.Sample> s = List.of(right("a"), right("a"), wrong("b"), NONE);

        assertThat(MajorityAtK.estimate(s, 1)).isCloseTo(0.5, within(1e-12));
        // pairs: aa 1, ab ½, ab ½, a- 1, a- 1, b- 0
        assertThat(MajorityAtK.estimate(s, 2)).isCloseTo(4.0 / 6, within(1e-12));
        // triples: aab 1, aa- 1, ab- ½, ab- ½
        assertThat(MajorityAtK.estimate(s, 3)).isCloseTo(3.0 / 4, within(1e-12));
        assertThat(MajorityAtK.estimate(s, 4)).isEqualTo(1.0);
    }

    @Test
    void should_follow_a_wrong_majority() {
        List<MajorityAtK.Sample> s = List.of(right("a"), wrong("b"), wrong("b"), wrong("b"));

        assertThat(MajorityAtK.estimate(s, 4)).isZero();
        assertThat(MajorityAtK.estimate(s, 1)).isCloseTo(0.25, within(1e-12));
    }

    @Test
    void should_count_a_draw_without_answers_as_wrong() {
        assertThat(MajorityAtK.estimate(List.of(NONE, NONE), 2)).isZero();
    }

    @Test
    void should_estimate_by_sampling_when_there_are_too_many_draws_to_enumerate() {
        // 60 samples, 36 voting for the right answer and 24 for one wrong answer: C(60, 30) draws
        List<MajorityAtK.Sample> s = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            s.add(i < 36 ? right("a") : wrong("b"));
        }
        assertThat(MajorityAtK.binomial(60, 30)).isGreaterThan(MajorityAtK.EXACT_LIMIT);
        double exact = exactBinaryMajority(36, 24, 30);
        double estimate = MajorityAtK.estimate(s, 30);
        assertThat(estimate).isCloseTo(exact, within(0.01));
        assertThat(MajorityAtK.estimate(s, 30)).as("same seed, same estimate").isEqualTo(estimate);
    }

    /** Hypergeometric: P(more a than b) + ½ P(tie) for k draws from a right and b wrong samples. */
    private static double exactBinaryMajority(int a, int b, int k) {
        double total = 0;
        double all = binomialDouble(a + b, k);
        for (int x = 0; x <= Math.min(a, k); x++) {
            double p = binomialDouble(a, x) * binomialDouble(b, k - x) / all;
            total += x * 2 > k ? p : x * 2 == k ? p / 2 : 0;
        }
        return total;
    }

    private static double binomialDouble(int n, int k) {
        if (k < 0 || k > n) {
            return 0;
        }
        double r = 1;
        for (int i = 1; i <= k; i++) {
            r = r * (n - k + i) / i;
        }
        return r;
    }

    @Test
    void should_refuse_k_outside_the_samples() {
        assertThatThrownBy(() -> MajorityAtK.estimate(List.of(NONE), 2)).hasMessageContaining("k must be in [1, 1], was 2");
    }

    @Test
    void should_saturate_huge_binomials() {
        assertThat(MajorityAtK.binomial(10, 3)).isEqualTo(120);
        assertThat(MajorityAtK.binomial(200, 100)).isEqualTo(Long.MAX_VALUE);
    }
}
