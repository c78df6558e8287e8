package dev.reason4j.torch.model;

import dev.reason4j.torch.Native;
import dev.reason4j.torch.Tensors;
import dev.reason4j.torch.safetensors.SafetensorsCheckpoint;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.pytorch.Device;
import org.bytedeco.pytorch.DoubleOptional;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptional;
import org.bytedeco.pytorch.global.torch;
import org.bytedeco.pytorch.global.torch.ScalarType;

/**
 * A decoder-only transformer of the Llama family (Touvron et al., "LLaMA: Open and Efficient Foundation Language
 * Models", 2023; Qwen2 adds q/k/v biases): token embedding, then per layer
 * {@code h += Wo·Attn(RoPE(Wq·n), RoPE(Wk·n), Wv·n)} with {@code n = RMSNorm(h)} and grouped-query attention, and
 * {@code h += Wdown·(SiLU(Wgate·n') ⊙ Wup·n')} with {@code n' = RMSNorm(h)}; a final RMSNorm and the output
 * projection (tied to the embedding when the config says so).
 *
 * <p>{@link #forward} runs a block of tokens per row against a {@link KvCache} (inference);
 * {@link #forwardSequences} runs whole sequences without a cache, through a {@link LinearAdapter}, and is what
 * training differentiates. Both go through the same layer code. Callers own the {@code PointerScope} that frees the
 * intermediate tensors.
 */
public final class DecoderModel implements AutoCloseable {

    private static final int BF16_UPCAST_ROWS = 16;

    private final ModelConfig config;
    private final ScalarType type;
    private final Device device;
    private final Tensor embedding; // (vocab, hidden)
    private final List<LayerWeights> layers;
    private final Tensor finalNorm; // (hidden)
    private final Tensor lmHead; // (vocab, hidden), null when tied
    private final RotaryEmbedding rope;
    private final long[] normShape;
    private final boolean upcastBf16;

    private DecoderModel(ModelConfig config, ScalarType type, Device device, Tensor embedding, List<LayerWeights> layers,
            Tensor finalNorm, Tensor lmHead) {
        this.config = config;
        this.type = type;
        this.device = device;
        this.embedding = embedding;
        this.layers = layers;
        this.finalNorm = finalNorm;
        this.lmHead = lmHead;
        this.rope = new RotaryEmbedding(config, device);
        this.normShape = new long[] {config.hiddenSize()};
        this.upcastBf16 = device.is_cpu() && type.value == ScalarType.BFloat16.value;
    }

    /**
     * Loads {@code config.json} and the safetensors weights of a Hugging Face model directory.
     *
     * @param type the type to hold and compute in (weights are converted on load)
     */
    public static DecoderModel load(Path dir, ScalarType type, Device device) {
        ModelConfig config = ModelConfig.read(dir.resolve("config.json"));
        try (SafetensorsCheckpoint checkpoint = SafetensorsCheckpoint.open(dir)) {
            return load(config, checkpoint, type, device);
        }
    }

    static DecoderModel load(ModelConfig config, SafetensorsCheckpoint checkpoint, ScalarType type, Device device) {
        WeightLoader loader = new WeightLoader(checkpoint, config, type, device);
        List<LayerWeights> layers = new ArrayList<>();
        Tensor embedding = null;
        Tensor finalNorm = null;
        try {
            embedding = loader.embedding();
            for (int i = 0; i < config.numLayers(); i++) {
                layers.add(loader.layer(i));
            }
            finalNorm = loader.finalNorm();
            return new DecoderModel(config, type, device, embedding, List.copyOf(layers), finalNorm, loader.lmHead());
        } catch (RuntimeException e) {
            Native.release(embedding);
            Native.release(finalNorm);
            layers.forEach(LayerWeights::release);
            throw e;
        }
    }

    public ModelConfig config() {
        return config;
    }

    public ScalarType type() {
        return type;
    }

    public Device device() {
        return device;
    }

    /**
     * Runs {@code tokens} {@code (batch, time)} at {@code positions} {@code (batch, time)}, writing their keys and
     * values into {@code cache} slots {@code [slot, slot + time)} and attending to slots {@code [0, slot + time)}.
     *
     * @param mask {@code (batch, 1, time, slot + time)} booleans, true where a query may attend to a slot; null
     *     means plain causal attention over all slots
     * @return hidden states after the final norm, {@code (batch, time, hidden)}
     */
    public Tensor forward(Tensor tokens, Tensor positions, KvCache cache, long slot, Tensor mask) {
        return run(tokens, positions, cache, slot, mask, LinearAdapter.NONE);
    }

    /**
     * Runs whole sequences {@code (batch, time)} at {@code positions} with plain causal attention and no cache,
     * passing every projection through {@code adapter}. Rows may be right-padded: a real token never attends to
     * the padding after it. Autograd records the pass when parameters (or adapters) require gradients.
     *
     * @return hidden states after the final norm, {@code (batch, time, hidden)}
     */
    public Tensor forwardSequences(Tensor tokens, Tensor positions, LinearAdapter adapter) {
        return run(tokens, positions, null, 0, null, adapter);
    }

    /** The shared layer stack; {@code cache} null means attention over this block's own keys and values. */
    private Tensor run(Tensor tokens, Tensor positions, KvCache cache, long slot, Tensor mask, LinearAdapter adapter) {
        long batch = tokens.size(0);
        long time = tokens.size(1);
        Tensor h = torch.embedding(embedding, tokens);
        Tensor[] cosSin = rope.tables(positions, type);
        boolean causalOnly = mask == null;
        if (causalOnly && slot > 0 && time > 1) {
            mask = causalMask(slot, time);
        }
        TensorOptional attentionMask = mask == null ? new TensorOptional() : new TensorOptional(mask);
        long q = (long) config.numHeads() * config.headDim();
        long kv = (long) config.numKvHeads() * config.headDim();
        long inter = config.intermediateSize();
        boolean gqa = config.numKvHeads() != config.numHeads();
        for (int i = 0; i < layers.size(); i++) {
            LayerWeights w = layers.get(i);
            Tensor n = torch.rms_norm(h, normShape, new TensorOptional(w.inputNorm()), new DoubleOptional(config.rmsNormEps()));
            Tensor qkv = linear(n, w.qkv(), w.qkvBias());
            Tensor queries = heads(adapter.adapt(i, Projection.Q, n, qkv.narrow(2, 0, q)), batch, time, config.numHeads());
            Tensor keys = heads(adapter.adapt(i, Projection.K, n, qkv.narrow(2, q, kv)), batch, time, config.numKvHeads());
            Tensor values = heads(adapter.adapt(i, Projection.V, n, qkv.narrow(2, q + kv, kv)), batch, time,
                    config.numKvHeads());
            queries = rope.apply(queries, cosSin[0], cosSin[1]);
            keys = rope.apply(keys, cosSin[0], cosSin[1]);
            Tensor allKeys = keys;
            Tensor allValues = values;
            if (cache != null) {
                cache.keys(i).narrow(2, slot, time).copy_(keys);
                cache.values(i).narrow(2, slot, time).copy_(values);
                allKeys = cache.keys(i).narrow(2, 0, slot + time);
                allValues = cache.values(i).narrow(2, 0, slot + time);
            }
            Tensor attention = torch.scaled_dot_product_attention(queries, allKeys, allValues, attentionMask, 0.0,
                    causalOnly && slot == 0 && time > 1, new DoubleOptional(), gqa);
            attention = attention.transpose(1, 2).reshape(batch, time, q);
            h = h.add(adapter.adapt(i, Projection.O, attention, linear(attention, w.output(), w.outputBias())));
            Tensor n2 = torch.rms_norm(h, normShape, new TensorOptional(w.postNorm()), new DoubleOptional(config.rmsNormEps()));
            Tensor gateUp = linear(n2, w.gateUp(), w.gateUpBias());
            Tensor gate = adapter.adapt(i, Projection.GATE, n2, gateUp.narrow(2, 0, inter));
            Tensor up = adapter.adapt(i, Projection.UP, n2, gateUp.narrow(2, inter, inter));
            Tensor act = torch.silu(gate).mul(up);
            h = h.add(adapter.adapt(i, Projection.DOWN, act, linear(act, w.down(), w.downBias())));
        }
        return torch.rms_norm(h, normShape, new TensorOptional(finalNorm), new DoubleOptional(config.rmsNormEps()));
    }

    /** Float32 logits for hidden states {@code (..., hidden)}: {@code (..., vocab)}; float64 for a float64 model. */
    public Tensor logits(Tensor hidden) {
        Tensor logits = linear(hidden, lmHead == null ? embedding : lmHead, null);
        return type.value == ScalarType.Double.value ? logits : logits.to(ScalarType.Float);
    }

    /** All parameters under their Hugging Face names, in the model's type and device (fused ones as views). */
    public Map<String, Tensor> namedWeights() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        out.put("model.embed_tokens.weight", embedding);
        for (int i = 0; i < layers.size(); i++) {
            out.putAll(layers.get(i).named("model.layers." + i + ".", config));
        }
        out.put("model.norm.weight", finalNorm);
        if (lmHead != null) {
            out.put("lm_head.weight", lmHead);
        }
        return out;
    }

    /**
     * The parameter tensors themselves (fused projections whole), in a fixed order: embedding, each layer's, final
     * norm, output head. Setting {@code requires_grad} on them makes {@link #forwardSequences} differentiable.
     */
    public List<ModelParameter> parameters() {
        List<ModelParameter> out = new ArrayList<>();
        out.add(new ModelParameter("model.embed_tokens.weight", -1, embedding));
        for (int i = 0; i < layers.size(); i++) {
            int layer = i;
            layers.get(i).leaves("model.layers." + i + ".").forEach((name, t) -> out.add(new ModelParameter(name, layer, t)));
        }
        out.add(new ModelParameter("model.norm.weight", layers.size(), finalNorm));
        if (lmHead != null) {
            out.add(new ModelParameter("lm_head.weight", layers.size(), lmHead));
        }
        return out;
    }

    @Override
    public void close() {
        layers.forEach(LayerWeights::release);
        Native.release(embedding);
        Native.release(finalNorm);
        Native.release(lmHead);
        rope.close();
    }

    /** Queries at positions {@code slot..slot+time-1} see slots up to their own: {@code (1, 1, time, slot + time)}. */
    private Tensor causalMask(long slot, long time) {
        Tensor keySlots = torch.arange(Tensors.scalar(slot + time)).to(device, ScalarType.Long);
        Tensor querySlots = torch.arange(Tensors.scalar(time)).to(device, ScalarType.Long)
                .add(Tensors.scalar(slot)).unsqueeze(1);
        return keySlots.unsqueeze(0).le(querySlots).view(1, 1, time, slot + time);
    }

    /** (batch, time, heads·headDim) → (batch, heads, time, headDim). */
    private Tensor heads(Tensor x, long batch, long time, int count) {
        return x.reshape(batch, time, count, config.headDim()).transpose(1, 2);
    }

    /**
     * {@code x·Wᵀ + b}. CPUs without bf16 matrix units multiply bf16 matrices several times slower than float32
     * (measured 10 vs 60+ GFLOP/s on AVX2), while bf16 matrix-vector products are fast because they read half the
     * bytes: so on the CPU, bf16 products of at least {@value #BF16_UPCAST_ROWS} rows (prefill) widen the weight to
     * float32 for the product, and decode steps stay in bf16.
     */
    private Tensor linear(Tensor x, Tensor weight, Tensor bias) {
        if (upcastBf16 && x.numel() / x.size(-1) >= BF16_UPCAST_ROWS) {
            Tensor wide = torch.linear(x.to(ScalarType.Float), weight.to(ScalarType.Float),
                    bias == null ? new TensorOptional() : new TensorOptional(bias.to(ScalarType.Float)));
            return wide.to(ScalarType.BFloat16);
        }
        return bias == null ? torch.linear(x, weight) : torch.linear(x, weight, new TensorOptional(bias));
    }
}
