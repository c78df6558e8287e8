package dev.reason4j.torch.train;

import dev.reason4j.lm.train.Adaptation;
import dev.reason4j.torch.Native;
import dev.reason4j.torch.Tensors;
import dev.reason4j.torch.model.DecoderModel;
import dev.reason4j.torch.model.LinearAdapter;
import dev.reason4j.torch.model.ModelConfig;
import dev.reason4j.torch.model.Projection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

/**
 * Low-rank adapters (Hu et al., "LoRA: Low-Rank Adaptation of Large Language Models", ICLR 2022): each targeted
 * projection {@code y = x·Wᵀ + b} of every layer becomes
 *
 * <pre>
 *   y = x·Wᵀ + b + (α/r) · dropout(x)·Aᵀ·Bᵀ        A (r × in), B (out × r)
 * </pre>
 *
 * with W frozen, A drawn from U(−1/√in, 1/√in) (PEFT's Kaiming-uniform with a = √5) and B zero, so training starts
 * from the base model exactly. {@link #merged} folds {@code (α/r)·B·A} into W for saving. Adapter tensors are named
 * as PEFT names them ({@code base_model.model.model.layers.0.self_attn.q_proj.lora_A.weight}).
 */
@SuppressWarnings("try") // a PointerScope frees what its block allocates; the block never names it
final class LoraAdapters implements LinearAdapter, AutoCloseable {

    private final Adaptation.Lora spec;
    private final Map<String, Tensor[]> adapters = new LinkedHashMap<>(); // key(layer, projection) -> {A, B}
    private boolean training = true;

    /** Fresh adapters for {@code model}'s targeted projections, drawn from the global libtorch generator. */
    LoraAdapters(Adaptation.Lora spec, DecoderModel model) {
        this.spec = spec;
        ModelConfig c = model.config();
        try (PointerScope scope = new PointerScope()) {
            for (int layer = 0; layer < c.numLayers(); layer++) {
                for (String module : spec.targetModules()) {
                    Projection p = Projection.byShortName(module);
                    long[] shape = shape(c, p);
                    double bound = 1 / Math.sqrt(shape[1]);
                    Tensor a = torch.rand(spec.rank(), shape[1]).mul(Tensors.scalar(2 * bound)).sub(Tensors.scalar(bound))
                            .to(model.device(), model.type());
                    Tensor b = Tensors.zeros(new long[] {shape[0], spec.rank()}, model.type(), model.device());
                    a.set_requires_grad(true);
                    b.set_requires_grad(true);
                    adapters.put(key(layer, p), new Tensor[] {Native.keep(a), Native.keep(b)});
                }
            }
        }
    }

    /** (out, in) of a projection. */
    private static long[] shape(ModelConfig c, Projection p) {
        long hidden = c.hiddenSize();
        long q = (long) c.numHeads() * c.headDim();
        long kv = (long) c.numKvHeads() * c.headDim();
        long inter = c.intermediateSize();
        return switch (p) {
            case Q -> new long[] {q, hidden};
            case K, V -> new long[] {kv, hidden};
            case O -> new long[] {hidden, q};
            case GATE, UP -> new long[] {inter, hidden};
            case DOWN -> new long[] {hidden, inter};
        };
    }

    private static String key(int layer, Projection p) {
        return "base_model.model.model.layers." + layer + "." + p.module();
    }

    /** Dropout applies only while training. */
    void training(boolean on) {
        training = on;
    }

    @Override
    public Tensor adapt(int layer, Projection projection, Tensor input, Tensor output) {
        Tensor[] ab = adapters.get(key(layer, projection));
        if (ab == null) {
            return output;
        }
        Tensor x = spec.dropout() > 0 ? torch.dropout(input, spec.dropout(), training) : input;
        Tensor delta = torch.linear(torch.linear(x, ab[0]), ab[1]).mul(Tensors.scalar(spec.scaling()));
        return output.add(delta.to(output.scalar_type()));
    }

    /** The trainable tensors, A then B of each adapter, in a fixed order. */
    List<Tensor> parameters() {
        List<Tensor> out = new ArrayList<>();
        adapters.values().forEach(ab -> {
            out.add(ab[0]);
            out.add(ab[1]);
        });
        return out;
    }

    /** The adapters under PEFT's names. */
    Map<String, Tensor> named() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        adapters.forEach((key, ab) -> {
            out.put(key + ".lora_A.weight", ab[0]);
            out.put(key + ".lora_B.weight", ab[1]);
        });
        return out;
    }

    /**
     * {@code weights} (Hugging Face names, as {@link DecoderModel#namedWeights()} gives them) with {@code (α/r)·B·A}
     * added to each adapted projection; the others pass through. New tensors belong to the caller's scope.
     */
    Map<String, Tensor> merged(Map<String, Tensor> weights) {
        Map<String, Tensor> out = new LinkedHashMap<>(weights);
        adapters.forEach((key, ab) -> {
            String name = key.substring("base_model.model.".length()) + ".weight";
            Tensor w = weights.get(name);
            Tensor update = ab[1].detach().mm(ab[0].detach()).mul(Tensors.scalar(spec.scaling()));
            out.put(name, w.detach().add(update.to(w.scalar_type())));
        });
        return out;
    }

    @Override
    public void close() {
        adapters.values().forEach(ab -> {
            Native.release(ab[0]);
            Native.release(ab[1]);
        });
        adapters.clear();
    }
}
