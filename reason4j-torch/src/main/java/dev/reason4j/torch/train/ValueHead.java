package dev.reason4j.torch.train;

import dev.reason4j.torch.Native;
import dev.reason4j.torch.Tensors;
import dev.reason4j.torch.safetensors.SafetensorsCheckpoint;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Device;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptional;
import org.bytedeco.pytorch.global.torch;
import org.bytedeco.pytorch.global.torch.ScalarType;

/**
 * A scalar linear head {@code r = w·h + b} on a hidden state {@code h} (the final-norm output at a sequence's last
 * token): rStar-Math's process preference model, a Q-value model or an outcome reward model.
 *
 * <p>Saved next to the backbone's weights in {@code model.safetensors} as {@value #WEIGHT} {@code (1, hidden)} and
 * {@value #BIAS} {@code (1)}, the names of TRL's {@code AutoModelForCausalLMWithValueHead} ({@code v_head.summary}
 * is its {@code nn.Linear(hidden, 1)}), so TRL loads the head and {@code transformers} loads the backbone, ignoring
 * the extra tensors.
 */
@SuppressWarnings("try") // a PointerScope frees what its block allocates; the block never names it
public final class ValueHead implements AutoCloseable {

    /** Tensor name of the head's weight, {@code (1, hidden)}. */
    public static final String WEIGHT = "v_head.summary.weight";
    /** Tensor name of the head's bias, {@code (1)}. */
    public static final String BIAS = "v_head.summary.bias";

    private final Tensor weight;
    private final Tensor bias;

    private ValueHead(Tensor weight, Tensor bias) {
        this.weight = Native.keep(weight);
        this.bias = Native.keep(bias);
    }

    /** A fresh head, weight ~ U(−1/√hidden, 1/√hidden) from the global libtorch generator, bias 0. */
    static ValueHead initialise(long hidden, ScalarType type, Device device) {
        try (PointerScope scope = new PointerScope()) {
            double bound = 1 / Math.sqrt(hidden);
            Tensor w = torch.rand(1, hidden).mul(Tensors.scalar(2 * bound)).sub(Tensors.scalar(bound)).to(device, type);
            return new ValueHead(w, Tensors.zeros(new long[] {1}, type, device));
        }
    }

    /** Whether {@code checkpoint} carries a head. */
    public static boolean presentIn(SafetensorsCheckpoint checkpoint) {
        return checkpoint.has(WEIGHT) && checkpoint.has(BIAS);
    }

    /** The head saved in {@code checkpoint}. */
    public static ValueHead read(SafetensorsCheckpoint checkpoint, ScalarType type, Device device) {
        try (PointerScope scope = new PointerScope()) {
            return new ValueHead(checkpoint.read(WEIGHT).to(device, type).contiguous(),
                    checkpoint.read(BIAS).to(device, type).contiguous());
        }
    }

    /** Raw scores for hidden states {@code (batch, hidden)}: {@code (batch)}, in the head's type. */
    public Tensor apply(Tensor hidden) {
        return torch.linear(hidden.to(weight.scalar_type()), weight, new TensorOptional(bias)).squeeze(-1);
    }

    /**
     * Raw scores read at given positions of hidden states {@code (batch, time, hidden)}: {@code lastPositions}
     * {@code (rows)} are flat indices {@code row·time + t}; returns {@code (rows)}.
     */
    public Tensor applyAt(Tensor hidden, Tensor lastPositions) {
        return apply(hidden.reshape(-1, hidden.size(-1)).index_select(0, lastPositions));
    }

    Tensor weight() {
        return weight;
    }

    Tensor bias() {
        return bias;
    }

    /** The head's tensors under their saved names. */
    Map<String, Tensor> named() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        out.put(WEIGHT, weight);
        out.put(BIAS, bias);
        return out;
    }

    @Override
    public void close() {
        Native.release(weight);
        Native.release(bias);
    }
}
