package dev.reason4j.lm.train;

import java.util.List;
import java.util.Objects;

/**
 * Which parameters a run trains. A value head, when the objective has one, is always trained.
 */
public sealed interface Adaptation {

    /** Every parameter. */
    record Full() implements Adaptation {}

    /**
     * Only the last {@code layers} decoder layers, the final norm and the output head; embeddings and earlier layers
     * stay frozen (O1-Pruner fine-tuned QwQ-32B this way). An output head tied to the embedding stays frozen with
     * it.
     */
    record LastLayers(int layers) implements Adaptation {
        public LastLayers {
            if (layers < 1) {
                throw new IllegalArgumentException("adaptation.layers must be >= 1, was " + layers);
            }
        }
    }

    /**
     * Low-rank adapters (Hu et al., "LoRA", arXiv:2106.09685): each targeted linear map W gets W + (α/r)·B·A with
     * A (r × in) and B (out × r, zero-initialised) trained and W frozen; adapters are merged into W on save.
     *
     * @param rank r, {@code >= 1}
     * @param alpha α, {@code > 0}
     * @param dropout dropout on the adapter's input during training, in [0, 1)
     * @param targetModules projection names as in HF checkpoints ({@code q_proj}, {@code k_proj}, {@code v_proj},
     *     {@code o_proj}, {@code gate_proj}, {@code up_proj}, {@code down_proj}); not empty
     */
    record Lora(int rank, double alpha, double dropout, List<String> targetModules) implements Adaptation {

        /** The projections adapters may target. */
        public static final List<String> MODULES =
                List.of("q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj");

        public Lora {
            targetModules = List.copyOf(Objects.requireNonNull(targetModules, "adaptation.targetModules"));
            if (rank < 1) {
                throw new IllegalArgumentException("adaptation.rank must be >= 1, was " + rank);
            }
            if (!(alpha > 0) || Double.isInfinite(alpha)) {
                throw new IllegalArgumentException("adaptation.alpha must be a finite number > 0, was " + alpha);
            }
            if (!(dropout >= 0 && dropout < 1)) {
                throw new IllegalArgumentException("adaptation.dropout must be in [0, 1), was " + dropout);
            }
            if (targetModules.isEmpty()) {
                throw new IllegalArgumentException("adaptation.targetModules must not be empty");
            }
            for (String module : targetModules) {
                if (!MODULES.contains(module)) {
                    throw new IllegalArgumentException(
                            "adaptation.targetModules: unknown module '" + module + "', expected one of " + MODULES);
                }
            }
        }

        /** α/r, the factor on B·A. */
        public double scaling() {
            return alpha / rank;
        }
    }

    static Adaptation full() {
        return new Full();
    }

    static Adaptation lastLayers(int layers) {
        return new LastLayers(layers);
    }

    /** LoRA with no dropout on the attention projections q, k, v, o. */
    static Adaptation lora(int rank, double alpha) {
        return new Lora(rank, alpha, 0.0, List.of("q_proj", "k_proj", "v_proj", "o_proj"));
    }
}
