package dev.reason4j.torch.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.reason4j.lm.LmFixtures;
import dev.reason4j.lm.Prompt;
import dev.reason4j.lm.reward.RewardModel;
import dev.reason4j.lm.reward.RewardRequest;
import dev.reason4j.lm.reward.RewardScore;
import dev.reason4j.lm.reward.ValueTransform;
import dev.reason4j.lm.train.Adaptation;
import dev.reason4j.torch.DeviceChoice;
import dev.reason4j.torch.Tensors;
import dev.reason4j.torch.model.DecoderModel;
import dev.reason4j.torch.model.LinearAdapter;
import dev.reason4j.torch.model.ModelConfig;
import java.nio.file.Path;
import java.util.List;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Device;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.bytedeco.pytorch.global.torch.ScalarType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Saved models: a trained model reloads with identical logits, a LoRA-merged save equals base + adapter outputs, a
 * value head round-trips and scores through {@link TorchRewardModel}.
 */
@SuppressWarnings("try") // scopes free what their blocks allocate
class ModelExportTest {

    private static final Device CPU = new Device("cpu");
    private static final List<int[]> SEQUENCES = List.of(new int[] {12, 40, 77, 5, 230, 18}, new int[] {99, 3, 150});

    @TempDir
    Path tmp;

    @BeforeAll
    static void oneThread() {
        torch.set_num_threads(1);
    }

    @Test
    void a_saved_model_reloads_with_identical_logits() {
        Path base = LmFixtures.checkpoint(LmFixtures.QWEN2_F32);
        Path out = tmp.resolve("full");
        float[] trained;
        try (TrainableModel model = TrainableModel.load(base, ScalarType.Float, CPU, Adaptation.full(), false, 1, false)) {
            perturb(model.trainable());
            trained = logits(model.model(), model.adapter());
            ModelExport.save(model, base, out);
        }
        try (DecoderModel reloaded = DecoderModel.load(out, ScalarType.Float, CPU)) {
            assertThat(logits(reloaded, LinearAdapter.NONE)).containsExactly(trained);
        }
        assertThat(out.resolve("tokenizer.json")).exists();
        assertThat(out.resolve("generation_config.json")).exists();
        ModelConfig config = ModelConfig.read(out.resolve("config.json"));
        assertThat(config).isEqualTo(ModelConfig.read(base.resolve("config.json")));
    }

    @Test
    void a_lora_merged_model_equals_base_plus_adapter_outputs() {
        Path base = LmFixtures.checkpoint(LmFixtures.LLAMA_F32);
        Path out = tmp.resolve("lora");
        float[] adapted;
        float[] plain;
        try (TrainableModel model = TrainableModel.load(base, ScalarType.Float, CPU,
                new Adaptation.Lora(4, 8, 0.0, Adaptation.Lora.MODULES), false, 1, false)) {
            plain = logits(model.model(), LinearAdapter.NONE);
            perturb(model.trainable()); // B is zero at the start: give the adapters something to add
            adapted = logits(model.model(), model.adapter());
            ModelExport.save(model, base, out);
        }
        try (DecoderModel merged = DecoderModel.load(out, ScalarType.Float, CPU)) {
            float[] mergedLogits = logits(merged, LinearAdapter.NONE);
            double moved = 0;
            for (int i = 0; i < adapted.length; i++) {
                assertThat(mergedLogits[i]).isCloseTo(adapted[i], within(2e-5f));
                moved = Math.max(moved, Math.abs(adapted[i] - plain[i]));
            }
            assertThat(moved).as("the adapters change the outputs").isGreaterThan(1e-3);
        }
    }

    @Test
    void a_value_head_round_trips_and_scores_as_a_process_reward_model() {
        Path base = LmFixtures.checkpoint(LmFixtures.QWEN2_F32);
        Path out = tmp.resolve("ppm");
        float[] values;
        try (TrainableModel model = TrainableModel.load(base, ScalarType.Float, CPU, Adaptation.full(), true, 1, false);
                PointerScope scope = new PointerScope();
                NoGradGuard noGrad = new NoGradGuard()) {
            perturb(model.trainable());
            values = Tensors.floats(model.values(batch()));
            ModelExport.save(model, base, out);
        }
        try (TorchRewardModel ppm = TorchRewardModel.open(out, RewardModel.Kind.PROCESS, DeviceChoice.CPU,
                ValueTransform.TANH_OVER_5)) {
            double[] raw = ppm.rawScores(SEQUENCES);
            assertThat(raw[0]).isCloseTo(values[0], within(1e-5));
            assertThat(raw[1]).isCloseTo(values[1], within(1e-5));
            // the request path: prompt tokens + trajectory tokens, then tanh(raw / 5)
            int[] s = SEQUENCES.get(0);
            RewardScore score = ppm.score(RewardRequest.partial(Prompt.tokens(List.of(s[0], s[1], s[2])), "…",
                    List.of(s[3], s[4], s[5])));
            assertThat(score.value()).isCloseTo(Math.tanh(values[0] / 5), within(1e-5));
            assertThat(score.tokens()).isEqualTo(6);
            assertThat(ppm.kind()).isEqualTo(RewardModel.Kind.PROCESS);
        }
        assertThatThrownBy(() -> TorchRewardModel.open(base, RewardModel.Kind.PROCESS, DeviceChoice.CPU,
                ValueTransform.IDENTITY)).hasMessageContaining("no value head (tensors v_head.summary.weight");
    }

    private static SequenceBatch batch() {
        return SequenceBatch.pack(SEQUENCES.stream().map(s -> new SequenceBatch.Scored(s, s.length)).toList(),
                List.of("a", "b"), CPU);
    }

    private static float[] logits(DecoderModel model, LinearAdapter adapter) {
        try (PointerScope scope = new PointerScope(); NoGradGuard noGrad = new NoGradGuard()) {
            SequenceBatch b = batch();
            return Tensors.floats(model.logits(model.forwardSequences(b.tokens(), b.positions(), adapter)));
        }
    }

    private static void perturb(List<Tensor> parameters) {
        torch.manual_seed(3);
        try (PointerScope scope = new PointerScope(); NoGradGuard noGrad = new NoGradGuard()) {
            for (Tensor p : parameters) {
                p.add_(torch.randn(p.sizes().vec().get()).mul(Tensors.scalar(0.05)));
            }
        }
    }
}
