package dev.reason4j.torch.model;

import java.util.Arrays;
import java.util.Optional;

/**
 * The architectures this engine runs, by {@code config.json} {@code model_type}. Qwen2 is Llama with a bias on the
 * q/k/v projections; both share {@link DecoderModel}.
 */
public enum ModelFamily {
    /** Qwen2 / Qwen2.5 ({@code Qwen2ForCausalLM}): q/k/v bias always on. */
    QWEN2("qwen2", true),
    /** Llama 2/3 and look-alikes ({@code LlamaForCausalLM}): biases only where {@code attention_bias} says. */
    LLAMA("llama", false);

    private final String modelType;
    private final boolean qkvBias;

    ModelFamily(String modelType, boolean qkvBias) {
        this.modelType = modelType;
        this.qkvBias = qkvBias;
    }

    public String modelType() {
        return modelType;
    }

    /** Whether q/k/v projections carry a bias regardless of {@code attention_bias}. */
    public boolean alwaysQkvBias() {
        return qkvBias;
    }

    public static Optional<ModelFamily> of(String modelType) {
        return Arrays.stream(values()).filter(f -> f.modelType.equals(modelType)).findFirst();
    }
}
