package dev.reason4j.torch.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.reason4j.lm.LmFixtures;
import dev.reason4j.lm.train.Adaptation;
import dev.reason4j.lm.train.Objective;
import dev.reason4j.lm.train.TrainingConfig;
import dev.reason4j.lm.train.TrainingExample;
import dev.reason4j.torch.Tensors;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Device;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.bytedeco.pytorch.global.torch.ScalarType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Autograd through the whole training forward pass against central finite differences, in float64 on the Qwen2
 * fixture: for every objective, entries of every trainable tensor (embedding, fused q/k/v, MLP, norms, output head,
 * value head, LoRA adapters).
 */
@SuppressWarnings("try") // scopes free what their blocks allocate
class GradientCheckTest {

    private static final double H = 1e-6;
    private static final Device CPU = new Device("cpu");

    @BeforeAll
    static void oneThread() {
        torch.set_num_threads(1);
    }

    @ParameterizedTest
    @EnumSource(Objective.class)
    void gradients_match_finite_differences_with_full_training(Objective objective) {
        check(objective, Adaptation.full());
    }

    @ParameterizedTest
    @EnumSource(value = Objective.class, names = {"SFT", "DPO", "PPM"})
    void gradients_match_finite_differences_with_lora(Objective objective) {
        check(objective, new Adaptation.Lora(2, 4, 0.0, Adaptation.Lora.MODULES));
    }

    private static void check(Objective objective, Adaptation adaptation) {
        Path dir = LmFixtures.checkpoint(LmFixtures.QWEN2_F32);
        List<TrainingExample> examples = TinyTask.examples(objective, 3, 11);
        TrainingConfig config = TrainingConfig.builder(objective, Path.of("unused")).adaptation(adaptation).build();
        BatchObjective loss = Objectives.create(config, examples);
        List<Integer> all = IntStream.range(0, examples.size()).boxed().toList();
        try (TrainableModel model = TrainableModel.load(dir, ScalarType.Double, CPU, adaptation, objective.valueHead(), 5,
                false)) {
            nudge(model.trainable()); // LoRA's B starts at zero, which would hide A's gradient
            ReferenceLogprobs reference = loss.needsReference()
                    ? ReferenceLogprobs.compute(loss, model, examples.size(), examples.size()) : null;
            nudge(model.trainable()); // move the policy away from the reference, so DPO's margin is not 0
            List<Tensor> parameters = model.trainable();
            try (PointerScope scope = new PointerScope()) {
                loss.loss(model, all, reference).loss().backward();
            }
            int checked = 0;
            int nonZero = 0;
            for (Tensor p : parameters) {
                for (long index : probes(p)) {
                    double analytic;
                    try (PointerScope scope = new PointerScope()) {
                        Tensor grad = p.grad();
                        analytic = grad.defined() ? grad.reshape(-1).select(0, index).item_double() : 0;
                    }
                    double up = lossAfterShift(model, loss, all, reference, p, index, H);
                    double down = lossAfterShift(model, loss, all, reference, p, index, -2 * H);
                    lossAfterShift(model, loss, all, reference, p, index, H); // restore
                    double numeric = (up - down) / (2 * H);
                    assertThat(analytic).as("%s %s: d loss / d param[%d] of a %s tensor", objective, adaptation, index,
                            p.sizes()).isCloseTo(numeric, within(1e-6 * Math.max(1, Math.abs(numeric))));
                    checked++;
                    nonZero += Math.abs(numeric) > 1e-7 ? 1 : 0;
                }
            }
            assertThat(checked).isGreaterThanOrEqualTo(parameters.size());
            assertThat(nonZero).as("entries with a gradient, of %d checked", checked).isGreaterThan(checked / 2);
        }
    }

    /** Adds small noise to every trainable tensor. */
    private static void nudge(List<Tensor> parameters) {
        try (PointerScope scope = new PointerScope(); NoGradGuard noGrad = new NoGradGuard()) {
            for (Tensor p : parameters) {
                p.add_(torch.randn(p.sizes().vec().get()).to(p.scalar_type()).mul(Tensors.scalar(0.02)));
            }
        }
    }

    /** Two entries of each tensor: the first and one in the middle (hit by the examples for embedding rows too). */
    private static List<Long> probes(Tensor p) {
        List<Long> out = new ArrayList<>();
        out.add(0L);
        if (p.numel() > 1) {
            out.add(p.numel() / 2 + 1);
        }
        return out;
    }

    /** Adds {@code delta} to one entry and returns the loss there. */
    private static double lossAfterShift(TrainableModel model, BatchObjective loss, List<Integer> all,
            ReferenceLogprobs reference, Tensor p, long index, double delta) {
        try (PointerScope scope = new PointerScope(); NoGradGuard noGrad = new NoGradGuard()) {
            p.reshape(-1).narrow(0, index, 1).add_(Tensors.scalar(delta));
            return loss.loss(model, all, reference).loss().item_double();
        }
    }
}
