package dev.reason4j.torch.model;

import dev.reason4j.torch.CheckpointException;
import dev.reason4j.torch.Native;
import dev.reason4j.torch.safetensors.SafetensorsCheckpoint;
import dev.reason4j.torch.safetensors.TensorEntry;
import java.util.Arrays;
import java.util.List;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Device;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;
import org.bytedeco.pytorch.global.torch.ScalarType;

/**
 * Reads Hugging Face parameter names from a checkpoint, checks every shape against the config, converts to the
 * compute type and device, and fuses projections ({@link LayerWeights}). Each returned tensor is kept; the model
 * releases it.
 */
@SuppressWarnings("try") // a PointerScope frees what its block allocates; the block never names it
final class WeightLoader {

    private final SafetensorsCheckpoint checkpoint;
    private final ModelConfig config;
    private final ScalarType type;
    private final Device device;

    WeightLoader(SafetensorsCheckpoint checkpoint, ModelConfig config, ScalarType type, Device device) {
        this.checkpoint = checkpoint;
        this.config = config;
        this.type = type;
        this.device = device;
    }

    Tensor embedding() {
        try (PointerScope scope = new PointerScope()) {
            return Native.keep(load("model.embed_tokens.weight", config.vocabSize(), config.hiddenSize()));
        }
    }

    Tensor finalNorm() {
        try (PointerScope scope = new PointerScope()) {
            return Native.keep(load("model.norm.weight", config.hiddenSize()));
        }
    }

    /** The output projection, or {@code null} when it is tied to the embedding. */
    Tensor lmHead() {
        if (config.tieWordEmbeddings()) {
            return null;
        }
        if (!checkpoint.has("lm_head.weight")) {
            throw new CheckpointException(checkpoint.dir() + ": no tensor 'lm_head.weight' and config.json says "
                    + "tie_word_embeddings is false");
        }
        try (PointerScope scope = new PointerScope()) {
            return Native.keep(load("lm_head.weight", config.vocabSize(), config.hiddenSize()));
        }
    }

    LayerWeights layer(int index) {
        String p = "model.layers." + index + ".";
        long hidden = config.hiddenSize();
        long q = (long) config.numHeads() * config.headDim();
        long kv = (long) config.numKvHeads() * config.headDim();
        long inter = config.intermediateSize();
        try (PointerScope scope = new PointerScope()) {
            Tensor qkv = cat(load(p + "self_attn.q_proj.weight", q, hidden), load(p + "self_attn.k_proj.weight", kv, hidden),
                    load(p + "self_attn.v_proj.weight", kv, hidden));
            Tensor qkvBias = !config.qkvBias() ? null : cat(load(p + "self_attn.q_proj.bias", q),
                    load(p + "self_attn.k_proj.bias", kv), load(p + "self_attn.v_proj.bias", kv));
            Tensor gateUp = cat(load(p + "mlp.gate_proj.weight", inter, hidden), load(p + "mlp.up_proj.weight", inter, hidden));
            Tensor gateUpBias = !config.mlpBias() ? null
                    : cat(load(p + "mlp.gate_proj.bias", inter), load(p + "mlp.up_proj.bias", inter));
            return new LayerWeights(
                    keep(load(p + "input_layernorm.weight", hidden)),
                    keep(qkv),
                    keep(qkvBias),
                    keep(load(p + "self_attn.o_proj.weight", hidden, q)),
                    keep(config.outputBias() ? load(p + "self_attn.o_proj.bias", hidden) : null),
                    keep(load(p + "post_attention_layernorm.weight", hidden)),
                    keep(gateUp),
                    keep(gateUpBias),
                    keep(load(p + "mlp.down_proj.weight", hidden, inter)),
                    keep(config.mlpBias() ? load(p + "mlp.down_proj.bias", hidden) : null));
        }
    }

    private static Tensor keep(Tensor t) {
        return t == null ? null : Native.keep(t);
    }

    private static Tensor cat(Tensor... parts) {
        return torch.cat(new TensorVector(parts), 0);
    }

    private Tensor load(String name, long... shape) {
        if (!checkpoint.has(name)) {
            throw new CheckpointException(checkpoint.dir() + ": missing tensor '" + name + "' (" + config.family()
                    + " checkpoint with " + config.numLayers() + " layers)");
        }
        TensorEntry entry = checkpoint.entry(name);
        if (!entry.shape().equals(Arrays.stream(shape).boxed().toList())) {
            throw new CheckpointException(checkpoint.dir() + ": tensor '" + name + "' has shape " + entry.shape()
                    + " but config.json implies " + List.of(Arrays.stream(shape).boxed().toArray()));
        }
        return checkpoint.read(name).to(device, type).contiguous();
    }
}
