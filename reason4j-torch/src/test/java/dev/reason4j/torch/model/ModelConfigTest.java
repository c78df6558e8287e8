package dev.reason4j.torch.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reason4j.lm.LmFixtures;
import dev.reason4j.torch.CheckpointException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelConfigTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode fixtureConfig(String fixture) throws Exception {
        return (ObjectNode) JSON.readTree(LmFixtures.checkpoint(fixture).resolve("config.json").toFile());
    }

    @Test
    void should_read_the_fixture_configs() throws Exception {
        ModelConfig qwen = ModelConfig.read(LmFixtures.checkpoint(LmFixtures.QWEN2_F32).resolve("config.json"));
        assertThat(qwen.family()).isEqualTo(ModelFamily.QWEN2);
        assertThat(qwen.headDim()).isEqualTo(16);
        assertThat(qwen.groupSize()).isEqualTo(2);
        assertThat(qwen.qkvBias()).isTrue();
        assertThat(qwen.outputBias()).isFalse();
        ModelConfig llama = ModelConfig.read(LmFixtures.checkpoint(LmFixtures.LLAMA_F32).resolve("config.json"));
        assertThat(llama.qkvBias()).isFalse();
        assertThat(llama.headDim()).isEqualTo(12);
        assertThat(llama.eosTokenIds()).containsExactly(2);
        assertThat(ModelConfig.read(LmFixtures.checkpoint(LmFixtures.QWEN2_BF16).resolve("config.json")).storedDtype())
                .isEqualTo("bfloat16");
    }

    @Test
    void should_read_transformers_5_style_like_4_style() throws Exception {
        ObjectNode v4 = fixtureConfig(LmFixtures.QWEN2_BF16);
        v4.put("rope_theta", 1_000_000.0);
        ObjectNode v5 = v4.deepCopy();
        v5.remove("rope_theta");
        v5.remove("torch_dtype");
        v5.put("dtype", "bfloat16");
        v5.putObject("rope_parameters").put("rope_theta", 1_000_000.0).put("rope_type", "default");
        assertThat(ModelConfig.parse(v5)).isEqualTo(ModelConfig.parse(v4));
        assertThat(ModelConfig.parse(v5).ropeTheta()).isEqualTo(1_000_000.0);

        ObjectNode scaled = v5.deepCopy();
        ((ObjectNode) scaled.get("rope_parameters")).put("rope_type", "llama3").put("factor", 8.0)
                .put("low_freq_factor", 1.0).put("high_freq_factor", 4.0).put("original_max_position_embeddings", 8192);
        ObjectNode scaledV4 = v4.deepCopy();
        scaledV4.putObject("rope_scaling").put("rope_type", "llama3").put("factor", 8.0).put("low_freq_factor", 1.0)
                .put("high_freq_factor", 4.0).put("original_max_position_embeddings", 8192);
        assertThat(ModelConfig.parse(scaled).ropeScaling()).isEqualTo(ModelConfig.parse(scaledV4).ropeScaling());
        assertThat(ModelConfig.parse(ModelConfig.parse(scaled).toJson())).isEqualTo(ModelConfig.parse(scaled));
    }

    @Test
    void should_scale_rope_frequencies_like_llama3() {
        RopeScaling scaling = new RopeScaling("llama3", 8, 1, 4, 8192);
        // wavelengths: 2π (high frequency, kept), 2π·10^4 ≈ 62832 (> 8192: divided by 8), 2π·500 ≈ 3142 (in between)
        double[] f = {1.0, 1e-4, 1.0 / 500};
        scaling.apply(f);
        assertThat(f[0]).isEqualTo(1.0);
        assertThat(f[1]).isCloseTo(1e-4 / 8, within(1e-12));
        double smooth = (8192 / (2 * Math.PI * 500) - 1) / 3;
        assertThat(f[2]).isCloseTo((1 - smooth) * (1.0 / 500) / 8 + smooth / 500, within(1e-12));
    }

    @Test
    void should_name_file_and_field_when_a_config_is_bad(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("config.json");
        ObjectNode config = fixtureConfig(LmFixtures.LLAMA_F32);

        config.remove("hidden_size");
        Files.writeString(file, config.toString());
        assertThatThrownBy(() -> ModelConfig.read(file)).isInstanceOf(CheckpointException.class)
                .hasMessageContaining(file + ": field 'hidden_size' missing");

        config = fixtureConfig(LmFixtures.LLAMA_F32).put("model_type", "gpt2");
        Files.writeString(file, config.toString());
        assertThatThrownBy(() -> ModelConfig.read(file)).hasMessageContaining("model_type 'gpt2' is not supported");

        config = fixtureConfig(LmFixtures.LLAMA_F32).put("num_key_value_heads", 3);
        Files.writeString(file, config.toString());
        assertThatThrownBy(() -> ModelConfig.read(file))
                .hasMessageContaining("num_attention_heads 4 must be a multiple of num_key_value_heads 3");

        config = fixtureConfig(LmFixtures.LLAMA_F32).put("vocab_size", "many");
        Files.writeString(file, config.toString());
        assertThatThrownBy(() -> ModelConfig.read(file)).hasMessageContaining("field 'vocab_size' must be an integer");

        config = fixtureConfig(LmFixtures.LLAMA_F32);
        config.putObject("rope_scaling").put("rope_type", "yarn").put("factor", 4.0);
        Files.writeString(file, config.toString());
        assertThatThrownBy(() -> ModelConfig.read(file)).hasMessageContaining("rope type must be default, linear or llama3, was 'yarn'");

        config = fixtureConfig(LmFixtures.QWEN2_F32).put("use_sliding_window", true);
        Files.writeString(file, config.toString());
        assertThatThrownBy(() -> ModelConfig.read(file)).hasMessageContaining("sliding-window attention is not supported");

        Files.writeString(file, "{");
        assertThatThrownBy(() -> ModelConfig.read(file)).hasMessageContaining(file + ": cannot read config");
    }
}
