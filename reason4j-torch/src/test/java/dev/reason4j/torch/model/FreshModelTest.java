package dev.reason4j.torch.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reason4j.lm.LmFixtures;
import dev.reason4j.torch.CheckpointException;
import dev.reason4j.torch.EngineOptions;
import dev.reason4j.torch.Tensors;
import dev.reason4j.torch.TorchEngine;
import dev.reason4j.torch.safetensors.SafetensorsCheckpoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bytedeco.pytorch.global.torch;
import org.bytedeco.pytorch.global.torch.ScalarType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FreshModelTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The fixtures' tokenizer: ids 0-383, end of text 0 and end of turn 2 among its specials. */
    private static final Path TOKENIZER = LmFixtures.checkpoint(LmFixtures.QWEN2_F32);

    @BeforeAll
    static void oneThread() {
        torch.set_num_threads(1);
    }

    private static ModelConfig shape(int vocab) {
        return new ModelConfig(ModelFamily.QWEN2, 32, 64, 2, 4, 4, 8, vocab, 1e-6, 10000, RopeScaling.NONE, 128, true,
                true, false, false, "bfloat16", List.of(0, 2));
    }

    @Test
    void should_size_the_vocabulary_from_the_tokenizer() {
        assertThat(FreshModel.vocabularySize(TOKENIZER)).isEqualTo(384);
    }

    @Test
    void should_write_a_model_the_engine_loads_with_its_config_and_end_of_sequence_ids(@TempDir Path dir) throws IOException {
        ModelConfig config = shape(384);
        long parameters = FreshModel.write(config, ScalarType.BFloat16, 5, TOKENIZER, dir);

        // embedding 384x32 (tied), per layer 2 norms, q/k/v/o 32x32 with q/k/v biases, MLP 3x32x64; final norm
        assertThat(parameters).isEqualTo(384 * 32 + 2 * (2 * 32 + 4 * 32 * 32 + 3 * 32 + 3 * 32 * 64) + 32);
        assertThat(ModelConfig.read(dir.resolve("config.json"))).isEqualTo(config);
        assertThat(JSON.readTree(dir.resolve(FreshModel.GENERATION_CONFIG).toFile()).get("eos_token_id").toString())
                .isEqualTo("[0,2]");
        for (String file : List.of("tokenizer.json", "tokenizer_config.json")) {
            assertThat(Files.readString(dir.resolve(file))).isEqualTo(Files.readString(TOKENIZER.resolve(file)));
        }
        try (TorchEngine engine = TorchEngine.load(dir, EngineOptions.defaults())) {
            assertThat(engine.eosTokenIds()).containsExactlyInAnyOrder(0, 2);
            float[] logits = engine.nextTokenLogits(new int[] {11, 57, 300, 4});
            assertThat(logits).hasSize(384);
            for (float logit : logits) {
                assertThat(Float.isFinite(logit)).isTrue();
            }
        }
    }

    @Test
    void should_initialise_weights_like_transformers(@TempDir Path dir) {
        FreshModel.write(shape(384), ScalarType.Float, 5, TOKENIZER, dir);
        try (SafetensorsCheckpoint weights = SafetensorsCheckpoint.open(dir)) {
            assertThat(weights.has("lm_head.weight")).as("tied to the embedding").isFalse();
            float[] embedding = Tensors.floats(weights.read("model.embed_tokens.weight"));
            double mean = 0;
            double square = 0;
            for (float v : embedding) {
                mean += v / (double) embedding.length;
                square += (double) v * v / embedding.length;
            }
            assertThat(mean).isCloseTo(0, within(0.002));
            assertThat(Math.sqrt(square - mean * mean)).isCloseTo(0.02, within(0.001));
            assertThat(Tensors.floats(weights.read("model.layers.1.post_attention_layernorm.weight"))).containsOnly(1f);
            assertThat(Tensors.floats(weights.read("model.norm.weight"))).containsOnly(1f);
            assertThat(Tensors.floats(weights.read("model.layers.0.self_attn.k_proj.bias"))).containsOnly(0f);
        }
    }

    @Test
    void should_give_the_same_weights_for_the_same_seed_only(@TempDir Path dir) throws IOException {
        FreshModel.write(shape(384), ScalarType.BFloat16, 5, TOKENIZER, dir.resolve("a"));
        FreshModel.write(shape(384), ScalarType.BFloat16, 5, TOKENIZER, dir.resolve("b"));
        FreshModel.write(shape(384), ScalarType.BFloat16, 6, TOKENIZER, dir.resolve("c"));
        byte[] a = Files.readAllBytes(dir.resolve("a/model.safetensors"));
        assertThat(Files.readAllBytes(dir.resolve("b/model.safetensors"))).isEqualTo(a);
        assertThat(Files.readAllBytes(dir.resolve("c/model.safetensors"))).isNotEqualTo(a);
    }

    @Test
    void should_refuse_a_vocabulary_smaller_than_the_tokenizer_and_a_missing_tokenizer(@TempDir Path dir) {
        assertThatThrownBy(() -> FreshModel.write(shape(300), ScalarType.Float, 1, TOKENIZER, dir.resolve("m")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("vocab_size 300").hasMessageContaining("ids up to 383");
        assertThatThrownBy(() -> FreshModel.write(shape(384), ScalarType.Float, 1, dir, dir.resolve("m")))
                .isInstanceOf(CheckpointException.class)
                .hasMessageContaining("tokenizer.json");
    }
}
