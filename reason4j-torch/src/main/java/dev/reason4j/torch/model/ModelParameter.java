package dev.reason4j.torch.model;

import java.util.Objects;
import org.bytedeco.pytorch.Tensor;

/**
 * One parameter tensor as the model holds it (fused projections are single tensors here, named
 * {@code self_attn.qkv_proj} and {@code mlp.gate_up_proj}), for optimizers and freezing.
 *
 * @param name a stable name: Hugging Face's where the tensor is not fused
 * @param layer the decoder layer it belongs to; -1 for the embedding, {@code numLayers} for the final norm and the
 *     output head
 * @param tensor the model's own tensor (not a copy)
 */
public record ModelParameter(String name, int layer, Tensor tensor) {

    public ModelParameter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(tensor, "tensor");
    }
}
