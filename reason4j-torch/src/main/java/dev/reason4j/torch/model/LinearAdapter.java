package dev.reason4j.torch.model;

import org.bytedeco.pytorch.Tensor;

/**
 * A hook on every projection of {@link DecoderModel#forwardSequences}: gets the projection's input and its output
 * {@code x·Wᵀ + b} and returns what the layer continues with. LoRA adds its low-rank term here; {@link #NONE} is the
 * plain model.
 */
@FunctionalInterface
public interface LinearAdapter {

    /** The plain model: every output unchanged. */
    LinearAdapter NONE = (layer, projection, input, output) -> output;

    /**
     * @param layer decoder layer index
     * @param projection which map
     * @param input its input {@code (batch, time, in)}
     * @param output {@code x·Wᵀ + b}, {@code (batch, time, out)}
     */
    Tensor adapt(int layer, Projection projection, Tensor input, Tensor output);
}
