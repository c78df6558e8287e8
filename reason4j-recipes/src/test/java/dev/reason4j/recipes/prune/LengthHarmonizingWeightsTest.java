package dev.reason4j.recipes.prune;

import static dev.reason4j.recipes.HandSplit.single;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.reason4j.core.metrics.AnalyzedResponse;
import dev.reason4j.recipes.ProblemSamples;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** O1-Pruner's weight L̄/L − 1 + λ(A − Ā) on samples computed by hand. */
class LengthHarmonizingWeightsTest {

    private final LengthHarmonizingWeights weights = new LengthHarmonizingWeights(PruneOptions.defaults());

    /** Lengths 100, 200, 300, 400; the two short ones correct: L̄ = 250, Ā = 0.5. */
    private static ProblemSamples four() {
        return new ProblemSamples("p", "q", List.of(single("p", 0, 100, true), single("p", 1, 200, true),
                single("p", 2, 300, false), single("p", 3, 400, false)));
    }

    @Test
    void should_compute_the_reference_mean_length_and_accuracy() {
        LengthHarmonizingWeights.ProblemStats stats = LengthHarmonizingWeights.stats(four());

        assertThat(stats.meanLength()).isEqualTo(250.0);
        assertThat(stats.accuracy()).isEqualTo(0.5);
    }

    @Test
    void should_reward_short_and_correct_samples_and_penalise_long_and_wrong_ones() {
        ProblemSamples p = four();
        LengthHarmonizingWeights.ProblemStats stats = LengthHarmonizingWeights.stats(p);

        // 250/100 − 1 + 2(1 − 0.5) = 2.5;  250/200 − 1 + 1 = 1.25;  250/300 − 1 − 1 = −7/6;  250/400 − 1 − 1 = −1.375
        assertThat(weights.weight(stats, p.samples().get(0))).isCloseTo(2.5, within(1e-12));
        assertThat(weights.weight(stats, p.samples().get(1))).isCloseTo(1.25, within(1e-12));
        assertThat(weights.weight(stats, p.samples().get(2))).isCloseTo(-7.0 / 6, within(1e-12));
        assertThat(weights.weight(stats, p.samples().get(3))).isCloseTo(-1.375, within(1e-12));
    }

    @Test
    void should_scale_the_accuracy_term_by_lambda() {
        ProblemSamples p = four();
        LengthHarmonizingWeights noAccuracy = new LengthHarmonizingWeights(new PruneOptions(0, -2, 4, 16, 0));

        assertThat(noAccuracy.weight(LengthHarmonizingWeights.stats(p), p.samples().get(0))).isCloseTo(1.5, within(1e-12));
    }

    @Test
    void should_clip_weights_to_minus_two_and_four() {
        // nine correct samples of 100 tokens and a wrong one of 10,000: L̄ = 1090, Ā = 0.9
        List<AnalyzedResponse> samples = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            samples.add(single("p", i, 100, true));
        }
        samples.add(single("p", 9, 10_000, false));
        ProblemSamples p = new ProblemSamples("p", "q", samples);
        LengthHarmonizingWeights.ProblemStats stats = LengthHarmonizingWeights.stats(p);

        // correct: 1090/100 − 1 + 2(1 − 0.9) = 10.1;  wrong: 1090/10000 − 1 + 2(0 − 0.9) = −2.691
        assertThat(weights.unclipped(stats, samples.get(0))).isCloseTo(10.1, within(1e-9));
        assertThat(weights.weight(stats, samples.get(0))).isEqualTo(4.0);
        assertThat(weights.unclipped(stats, samples.get(9))).isCloseTo(-2.691, within(1e-9));
        assertThat(weights.weight(stats, samples.get(9))).isEqualTo(-2.0);
    }

    @Test
    void should_refuse_a_sample_without_tokens_and_bad_options() {
        ProblemSamples empty = new ProblemSamples("p", "q", List.of(single("p", 0, 0, true)));

        assertThatThrownBy(() -> LengthHarmonizingWeights.stats(empty))
                .hasMessage("problem p, sample on line 1: 0 tokens; the length-harmonizing weight L̄/L needs L > 0");
        assertThatThrownBy(() -> new PruneOptions(2, 4, -2, 16, 0))
                .hasMessage("need finite clipLow < clipHigh, got clipLow=4.0, clipHigh=-2.0");
        assertThatThrownBy(() -> new PruneOptions(-1, -2, 4, 16, 0)).hasMessage("lambda must be a finite number >= 0, was -1.0");
        assertThatThrownBy(() -> new PruneOptions(2, -2, 4, 0, 0)).hasMessage("samplesPerProblem must be >= 1, was 0");
    }
}
