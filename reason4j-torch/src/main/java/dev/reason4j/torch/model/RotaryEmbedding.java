package dev.reason4j.torch.model;

import dev.reason4j.torch.Native;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Device;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;
import org.bytedeco.pytorch.global.torch.ScalarType;

/**
 * Rotary position embeddings (Su et al., "RoFormer: Enhanced Transformer with Rotary Position Embedding", 2021) in
 * the "rotate half" layout of Hugging Face Llama/Qwen2: {@code x·cos(pθ) + rotate_half(x)·sin(pθ)} with
 * {@code θ_i = base^(-2i/d)} repeated over both halves of the head, {@code rotate_half([a, b]) = [-b, a]}.
 * Angles are computed in float32, as transformers does.
 */
@SuppressWarnings("try") // a PointerScope frees what its block allocates; the block never names it
final class RotaryEmbedding implements AutoCloseable {

    private final Tensor inverseFrequencies; // (headDim / 2), float32
    private final int half;

    RotaryEmbedding(ModelConfig config, Device device) {
        half = config.headDim() / 2;
        double[] frequencies = new double[half];
        for (int i = 0; i < half; i++) {
            // float32 like transformers: base ** (arange(0, d, 2).float() / d)
            float exponent = (float) (2 * i) / config.headDim();
            frequencies[i] = 1.0 / (float) Math.pow(config.ropeTheta(), exponent);
        }
        config.ropeScaling().apply(frequencies);
        float[] asFloats = new float[half];
        for (int i = 0; i < half; i++) {
            asFloats[i] = (float) frequencies[i];
        }
        try (PointerScope scope = new PointerScope()) {
            Tensor cpu = torch.tensor(asFloats);
            inverseFrequencies = Native.keep(device.is_cpu() ? cpu : cpu.to(device, ScalarType.Float));
        }
    }

    /**
     * cos and sin tables for {@code positions} {@code (batch, time)}: two tensors {@code (batch, 1, time, headDim)}
     * in {@code type}, broadcasting over heads.
     */
    Tensor[] tables(Tensor positions, ScalarType type) {
        Tensor angles = positions.to(ScalarType.Float).unsqueeze(-1).mul(inverseFrequencies); // (B, T, d/2)
        Tensor full = torch.cat(new TensorVector(angles, angles), -1).unsqueeze(1); // (B, 1, T, d)
        return new Tensor[] {full.cos().to(type), full.sin().to(type)};
    }

    /** Rotates {@code x} {@code (batch, heads, time, headDim)} by the tables of {@link #tables}. */
    Tensor apply(Tensor x, Tensor cos, Tensor sin) {
        Tensor first = x.narrow(-1, 0, half);
        Tensor second = x.narrow(-1, half, half);
        Tensor rotated = torch.cat(new TensorVector(second.neg(), first), -1);
        return x.mul(cos).add(rotated.mul(sin));
    }

    @Override
    public void close() {
        Native.release(inverseFrequencies);
    }
}
