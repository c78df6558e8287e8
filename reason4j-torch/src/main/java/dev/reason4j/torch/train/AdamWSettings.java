package dev.reason4j.torch.train;

import dev.reason4j.lm.train.TrainingConfig;
import org.bytedeco.pytorch.AdamWOptions;

/**
 * libtorch's AdamW options from a {@link TrainingConfig} (Loshchilov and Hutter, "Decoupled Weight Decay
 * Regularization", ICLR 2019): per step {@code θ ← θ − lr·λ·θ}, then {@code m ← β1·m + (1−β1)·g},
 * {@code v ← β2·v + (1−β2)·g²} and {@code θ ← θ − lr·m̂/(√v̂ + ε)} with bias-corrected {@code m̂}, {@code v̂}.
 */
final class AdamWSettings {

    private AdamWSettings() {}

    static AdamWOptions options(TrainingConfig config) {
        AdamWOptions options = new AdamWOptions(config.learningRate());
        // betas() points at a std::tuple<double, double>, which libstdc++ lays out last element first
        options.betas().put(0, config.adamBeta2()).put(1, config.adamBeta1());
        options.eps().put(config.adamEpsilon());
        options.weight_decay().put(config.weightDecay());
        return options;
    }
}
