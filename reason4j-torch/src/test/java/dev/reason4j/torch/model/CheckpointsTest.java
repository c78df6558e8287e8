package dev.reason4j.torch.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reason4j.lm.LmFixtures;
import dev.reason4j.torch.EngineOptions;
import dev.reason4j.torch.TorchEngine;
import dev.reason4j.torch.safetensors.SafetensorsCheckpoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.bytedeco.pytorch.Device;
import org.bytedeco.pytorch.global.torch;
import org.bytedeco.pytorch.global.torch.ScalarType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointsTest {

    private static final int[] PROMPT = {289, 336, 285, 371, 340, 365, 284, 363};

    @BeforeAll
    static void oneThread() {
        torch.set_num_threads(1);
    }

    @Test
    void should_give_identical_logits_after_a_sharded_write_and_read(@TempDir Path dir) throws IOException {
        Path fixture = LmFixtures.checkpoint(LmFixtures.QWEN2_F32);
        float[] original;
        try (TorchEngine engine = TorchEngine.load(fixture, EngineOptions.defaults())) {
            original = engine.nextTokenLogits(PROMPT);
            Checkpoints.save(engine.model(), dir, 100_000);
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.filter(f -> f.getFileName().toString().matches("model-\\d{5}-of-\\d{5}\\.safetensors")).count())
                    .isGreaterThan(3);
        }
        assertThat(dir.resolve(SafetensorsCheckpoint.INDEX_FILE)).exists();
        try (TorchEngine reloaded = TorchEngine.load(dir, EngineOptions.defaults())) {
            assertThat(reloaded.nextTokenLogits(PROMPT)).containsExactly(original);
            assertThat(reloaded.config()).isEqualTo(ModelConfig.read(fixture.resolve("config.json")));
        }
    }

    @Test
    void should_write_random_checkpoints_that_load(@TempDir Path dir) {
        ModelConfig config = new ModelConfig(ModelFamily.LLAMA, 32, 48, 2, 4, 2, 8, 100, 1e-5, 500000,
                new RopeScaling("llama3", 8, 1, 4, 64), 256, true, false, false, false, "bfloat16", java.util.List.of(2));
        Checkpoints.writeRandom(config, ScalarType.BFloat16, 1, dir, Long.MAX_VALUE);
        assertThat(dir.resolve("model.safetensors")).exists();
        try (SafetensorsCheckpoint weights = SafetensorsCheckpoint.open(dir)) {
            assertThat(weights.has("lm_head.weight")).as("tied").isFalse();
            assertThat(weights.entry("model.embed_tokens.weight").dtype().name()).isEqualTo("BF16");
        }
        assertThat(ModelConfig.read(dir.resolve("config.json"))).isEqualTo(config);
        try (DecoderModel model = DecoderModel.load(dir, ScalarType.Float, new Device("cpu"));
                TorchEngine engine = TorchEngine.load(dir, EngineOptions.defaults())) {
            assertThat(model.namedWeights()).containsKey("model.layers.1.mlp.up_proj.weight");
            float[] logits = engine.nextTokenLogits(new int[] {1, 2, 3});
            assertThat(logits).hasSize(100);
            assertThat(engine.eosTokenIds()).containsExactly(2);
        }
    }
}
