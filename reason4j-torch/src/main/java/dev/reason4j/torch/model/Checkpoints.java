package dev.reason4j.torch.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reason4j.torch.CheckpointException;
import dev.reason4j.torch.Tensors;
import dev.reason4j.torch.safetensors.SafetensorsCheckpoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Device;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.bytedeco.pytorch.global.torch.ScalarType;

/** Writes Hugging Face model directories ({@code config.json} and safetensors weights) that transformers loads. */
@SuppressWarnings("try") // a PointerScope frees what its block allocates; the block never names it
public final class Checkpoints {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Checkpoints() {}

    /**
     * Saves a model's config and weights (in the model's type) to {@code dir}, sharded when larger than
     * {@code maxShardBytes}. Tokenizer files are the caller's to copy.
     */
    public static void save(DecoderModel model, Path dir, long maxShardBytes) {
        try (PointerScope scope = new PointerScope()) {
            write(model.config(), model.type(), model.namedWeights(), dir, maxShardBytes);
        }
    }

    /**
     * Saves {@code weights} (Hugging Face names; converted to {@code type}) and {@code config} to {@code dir}: what
     * trainers write, whose weights may include merged adapters and extra tensors such as a value head.
     */
    public static void save(ModelConfig config, Map<String, Tensor> weights, ScalarType type, Path dir, long maxShardBytes) {
        try (PointerScope scope = new PointerScope()) {
            Map<String, Tensor> converted = new LinkedHashMap<>();
            weights.forEach((name, t) -> converted.put(name, t.detach().to(type).contiguous()));
            write(config, type, converted, dir, maxShardBytes);
        }
    }

    /**
     * Writes a checkpoint of {@code config}'s shape with random weights, initialised as transformers does
     * (projections and embeddings ~ N(0, 0.02²), norms 1, biases 0), for benchmarks and tests.
     */
    public static void writeRandom(ModelConfig config, ScalarType type, long seed, Path dir, long maxShardBytes) {
        torch.manual_seed(seed);
        Device cpu = new Device("cpu");
        try (PointerScope scope = new PointerScope()) {
            Map<String, Tensor> weights = new LinkedHashMap<>();
            long hidden = config.hiddenSize();
            long q = (long) config.numHeads() * config.headDim();
            long kv = (long) config.numKvHeads() * config.headDim();
            long inter = config.intermediateSize();
            weights.put("model.embed_tokens.weight", normal(type, config.vocabSize(), hidden));
            for (int i = 0; i < config.numLayers(); i++) {
                String p = "model.layers." + i + ".";
                weights.put(p + "input_layernorm.weight", Tensors.zeros(new long[] {hidden}, type, cpu).add(Tensors.scalar(1)));
                weights.put(p + "post_attention_layernorm.weight", Tensors.zeros(new long[] {hidden}, type, cpu).add(Tensors.scalar(1)));
                weights.put(p + "self_attn.q_proj.weight", normal(type, q, hidden));
                weights.put(p + "self_attn.k_proj.weight", normal(type, kv, hidden));
                weights.put(p + "self_attn.v_proj.weight", normal(type, kv, hidden));
                weights.put(p + "self_attn.o_proj.weight", normal(type, hidden, q));
                if (config.qkvBias()) {
                    weights.put(p + "self_attn.q_proj.bias", Tensors.zeros(new long[] {q}, type, cpu));
                    weights.put(p + "self_attn.k_proj.bias", Tensors.zeros(new long[] {kv}, type, cpu));
                    weights.put(p + "self_attn.v_proj.bias", Tensors.zeros(new long[] {kv}, type, cpu));
                }
                if (config.outputBias()) {
                    weights.put(p + "self_attn.o_proj.bias", Tensors.zeros(new long[] {hidden}, type, cpu));
                }
                weights.put(p + "mlp.gate_proj.weight", normal(type, inter, hidden));
                weights.put(p + "mlp.up_proj.weight", normal(type, inter, hidden));
                weights.put(p + "mlp.down_proj.weight", normal(type, hidden, inter));
                if (config.mlpBias()) {
                    weights.put(p + "mlp.gate_proj.bias", Tensors.zeros(new long[] {inter}, type, cpu));
                    weights.put(p + "mlp.up_proj.bias", Tensors.zeros(new long[] {inter}, type, cpu));
                    weights.put(p + "mlp.down_proj.bias", Tensors.zeros(new long[] {hidden}, type, cpu));
                }
            }
            weights.put("model.norm.weight", Tensors.zeros(new long[] {hidden}, type, cpu).add(Tensors.scalar(1)));
            if (!config.tieWordEmbeddings()) {
                weights.put("lm_head.weight", normal(type, config.vocabSize(), hidden));
            }
            write(config, type, weights, dir, maxShardBytes);
        }
    }

    private static Tensor normal(ScalarType type, long rows, long columns) {
        return torch.randn(rows, columns).mul(Tensors.scalar(0.02)).to(type);
    }

    private static void write(ModelConfig config, ScalarType type, Map<String, Tensor> weights, Path dir, long maxShardBytes) {
        SafetensorsCheckpoint.write(dir, weights, maxShardBytes, Map.of("format", "pt"));
        var json = config.toJson();
        json.put("torch_dtype", type.value == ScalarType.BFloat16.value ? "bfloat16"
                : type.value == ScalarType.Half.value ? "float16" : "float32");
        try {
            Files.writeString(dir.resolve("config.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json));
        } catch (IOException e) {
            throw new CheckpointException(dir.resolve("config.json") + ": cannot write: " + e, e);
        }
    }
}
