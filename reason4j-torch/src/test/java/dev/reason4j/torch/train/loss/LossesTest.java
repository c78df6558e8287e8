package dev.reason4j.torch.train.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.reason4j.torch.Tensors;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Device;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch.ScalarType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each loss on fixed log-probabilities against values worked out by hand (the working is in the comments;
 * softplus(x) = log(1 + eˣ) = −log σ(−x)).
 */
class LossesTest {

    private static final Device CPU = new Device("cpu");
    private PointerScope scope;

    @BeforeEach
    void open() {
        scope = new PointerScope();
    }

    @AfterEach
    void close() {
        scope.close();
    }

    private static Tensor t(double... values) {
        return Tensors.doubles(values, ScalarType.Double, CPU);
    }

    @Test
    void sft_is_the_weighted_token_mean_of_the_response_nll() {
        // −(1·(−2) + 0.5·(−3)) / (2 + 4) = 3.5 / 6
        double loss = new SftLoss().compute(t(-2, -3), t(2, 4), t(1, 0.5)).item_double();
        assertThat(loss).isCloseTo(0.5833333333333334, within(1e-12));
    }

    @Test
    void dpo_is_minus_log_sigmoid_of_the_beta_scaled_reference_margin() {
        // margins: 0.1·((−5+5.5) − (−6+5.8)) = 0.07 and 0.1·((−7+6.5) − (−6+6.2)) = −0.07
        // loss = (softplus(−0.07) + softplus(0.07)) / 2
        DpoLoss dpo = new DpoLoss(0.1);
        assertThat(Tensors.floats(dpo.margins(t(-5, -7), t(-6, -6), t(-5.5, -6.5), t(-5.8, -6.2))))
                .containsExactly(new float[] {0.07f, -0.07f}, within(1e-7f));
        assertThat(dpo.compute(t(-5, -7), t(-6, -6), t(-5.5, -6.5), t(-5.8, -6.2)).item_double())
                .isCloseTo(0.6937595555486972, within(1e-12));
        // the policy equal to the reference: log 2 whatever β
        assertThat(new DpoLoss(3).compute(t(-4), t(-9), t(-4), t(-9)).item_double()).isCloseTo(Math.log(2), within(1e-12));
    }

    @Test
    void rpo_adds_alpha_times_the_chosen_per_token_nll() {
        // DPO part as above; NLL part: mean(5/2, 7/7) = 1.75; α = 1
        double loss = new RpoLoss(0.1, 1.0).compute(t(-5, -7), t(-6, -6), t(-5.5, -6.5), t(-5.8, -6.2), t(2, 7))
                .item_double();
        assertThat(loss).isCloseTo(0.6937595555486972 + 1.75, within(1e-12));
        double halfAlpha = new RpoLoss(0.1, 0.5).compute(t(-5, -7), t(-6, -6), t(-5.5, -6.5), t(-5.8, -6.2), t(2, 7))
                .item_double();
        assertThat(halfAlpha).isCloseTo(0.6937595555486972 + 0.875, within(1e-12));
    }

    @Test
    void simpo_compares_length_normalised_logprobs_with_a_margin() {
        // ŝ_w = (−4/2, −9/3) = (−2, −3), ŝ_l = (−9/3, −4/2) = (−3, −2); β = 2, γ = 1
        // arguments: 2·1 − 1 = 1 and 2·(−1) − 1 = −3; loss = (softplus(−1) + softplus(3)) / 2
        SimpoLoss simpo = new SimpoLoss(2.0, 1.0);
        assertThat(Tensors.floats(simpo.margins(t(-4, -9), t(2, 3), t(-9, -4), t(3, 2))))
                .containsExactly(new float[] {1f, -3f}, within(1e-6f));
        assertThat(simpo.compute(t(-4, -9), t(2, 3), t(-9, -4), t(3, 2)).item_double())
                .isCloseTo(1.6809245195459825, within(1e-12));
    }

    @Test
    void length_harmonizing_clips_the_ratio_like_ppo() {
        // r = exp(policy − reference) = (e^0.5, e^−0.1, 1, 0.5), ε = 0.2, A = (1, −2, 0.5, −1)
        // terms max(−A·r, −A·clip(r, 0.8, 1.2)):
        //   A=1,  r=1.6487: max(−1.6487, −1.2) = −1.2        (clipped: no reward beyond 1 + ε)
        //   A=−2, r=0.9048: 2·0.9048 = 1.8096748         (inside the clip range)
        //   A=0.5, r=1: −0.5
        //   A=−1, r=0.5: max(0.5, 0.8) = 0.8                 (clipped: no reward below 1 − ε)
        // loss = (−1.2 + 1.809674836071919 − 0.5 + 0.8) / 4
        LengthHarmonizingLoss lh = new LengthHarmonizingLoss(0.2);
        Tensor policy = t(-1.0, -1.0, -2.0, -3.0);
        Tensor reference = t(-1.5, -0.9, -2.0, -3.0 + Math.log(2));
        assertThat(Tensors.floats(lh.ratios(policy, reference)))
                .containsExactly(new float[] {(float) Math.exp(0.5), (float) Math.exp(-0.1), 1f, 0.5f}, within(1e-6f));
        assertThat(lh.compute(policy, reference, t(1, -2, 0.5, -1)).item_double())
                .isCloseTo(0.22741870901797978, within(1e-12));
    }

    @Test
    void ppm_averages_minus_log_sigmoid_over_all_pairs_of_a_node() {
        // r_pos = (1, 0.5), r_neg = (0, −1, 2): differences 1, 2, −1, 0.5, 1.5, −1.5
        // loss = Σ softplus(−d) / (2·3); 4 of 6 pairs ranked right
        PpmPairwiseLoss ppm = new PpmPairwiseLoss();
        assertThat(ppm.compute(t(1, 0.5), t(0, -1, 2)).item_double()).isCloseTo(0.6883924877041716, within(1e-12));
        assertThat(ppm.accuracy(t(1, 0.5), t(0, -1, 2)).item_double()).isCloseTo(4.0 / 6, within(1e-12));
    }

    @Test
    void q_regression_is_the_mean_squared_error() {
        // ((0.5 − 1)² + (−0.2 − 0)²) / 2 = (0.25 + 0.04) / 2
        assertThat(new QValueRegressionLoss().compute(t(0.5, -0.2), t(1, 0)).item_double()).isCloseTo(0.145, within(1e-12));
    }

    @Test
    void outcome_loss_is_binary_cross_entropy_on_the_head_logit() {
        // label 1, logit 2: −log σ(2) = softplus(−2); label 0, logit −1: −log(1 − σ(−1)) = softplus(−1)
        assertThat(new OutcomeRewardLoss().compute(t(2, -1), t(1, 0)).item_double())
                .isCloseTo(0.2200948492805977, within(1e-12));
    }

    @Test
    void should_reject_bad_parameters() {
        assertThatThrownBy(() -> new DpoLoss(0)).hasMessageContaining("beta must be > 0, was 0.0");
        assertThatThrownBy(() -> new RpoLoss(0.1, -1)).hasMessageContaining("alpha must be >= 0, was -1.0");
        assertThatThrownBy(() -> new SimpoLoss(-2, 1)).hasMessageContaining("beta must be > 0, was -2.0");
        assertThatThrownBy(() -> new LengthHarmonizingLoss(1.5)).hasMessageContaining("epsilon must be in (0, 1), was 1.5");
    }
}
