package dev.reason4j.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.reason4j.core.metrics.LengthIntervalAccuracy.Sample;
import java.util.List;
import org.junit.jupiter.api.Test;

class LengthIntervalAccuracyTest {

    private static Sample s(long tokens, boolean correct) {
        return new Sample(tokens, correct);
    }

    @Test
    void splits_each_problem_by_rank_and_averages_at_instance_and_distribution_level() {
        // problem A, 4 samples, sorted by length: 10 ok | 20 wrong | 30 ok | 40 wrong → one per interval
        List<Sample> a = List.of(s(40, false), s(10, true), s(30, true), s(20, false));
        // problem B, 8 samples, two per interval: (1 ok, 2 ok) (3 ok, 4 wrong) (5 wrong, 6 wrong) (7 ok, 8 wrong)
        List<Sample> b = List.of(s(8, false), s(7, true), s(6, false), s(5, false), s(4, false), s(3, true),
                s(2, true), s(1, true));
        // problem C has fewer samples than intervals
        List<Sample> c = List.of(s(1, true), s(2, true), s(3, true));

        LengthIntervalAccuracy.Result r = new LengthIntervalAccuracy(4).compute(List.of(a, b, c));

        assertThat(r.problemsUsed()).isEqualTo(2);
        assertThat(r.problemsSkipped()).isEqualTo(1);
        assertThat(r.intervals()).extracting(LengthIntervalAccuracy.Interval::samples).containsExactly(3L, 3L, 3L, 3L);
        // instance level: interval 1 = (A:1 + B:2) / 3; 2 = (0 + 1) / 3; 3 = (1 + 0) / 3; 4 = (0 + 1) / 3
        assertThat(r.intervals()).extracting(LengthIntervalAccuracy.Interval::instanceAccuracy)
                .containsExactly(1.0, 1.0 / 3, 1.0 / 3, 1.0 / 3);
        // distribution level: interval 1 = (1 + 1) / 2; 2 = (0 + 0.5) / 2; 3 = (1 + 0) / 2; 4 = (0 + 0.5) / 2
        assertThat(r.intervals()).extracting(LengthIntervalAccuracy.Interval::distributionAccuracy)
                .containsExactly(1.0, 0.25, 0.5, 0.25);
        assertThat(r.intervals().get(0).meanTokens()).isCloseTo((10 + 1 + 2) / 3.0, within(1e-12));
    }

    @Test
    void uneven_sample_counts_fill_intervals_by_rank() {
        List<Sample> five = List.of(s(1, true), s(2, true), s(3, true), s(4, true), s(5, false));

        LengthIntervalAccuracy.Result r = new LengthIntervalAccuracy(4).compute(List.of(five));

        // ranks 0..4 → floor(4r/5) = 0, 0, 1, 2, 3
        assertThat(r.intervals()).extracting(LengthIntervalAccuracy.Interval::samples).containsExactly(2L, 1L, 1L, 1L);
        assertThat(r.intervals().get(3).instanceAccuracy()).isZero();
    }

    @Test
    void no_problem_with_enough_samples_gives_no_intervals() {
        LengthIntervalAccuracy.Result r = new LengthIntervalAccuracy(4).compute(List.of(List.of(s(1, true))));

        assertThat(r.intervals()).isEmpty();
        assertThat(r.problemsSkipped()).isEqualTo(1);
        assertThatThrownBy(() -> new LengthIntervalAccuracy(0)).hasMessageContaining("intervals must be >= 1");
    }
}
