package dev.reason4j.spark;

import dev.reason4j.lm.LanguageModel;
import dev.reason4j.lm.reward.RewardModel;
import dev.reason4j.lm.reward.ValueTransform;
import dev.reason4j.torch.ComputeDtype;
import dev.reason4j.torch.DeviceChoice;
import dev.reason4j.torch.EngineOptions;
import dev.reason4j.torch.TorchLanguageModel;
import dev.reason4j.torch.train.TorchRewardModel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens checkpoints on libtorch inside an executor. The only class of this module that names torch classes, so an
 * executor that talks to servers never loads libtorch (its jars may be left off the job's class path then).
 */
final class InProcessModels {

    private InProcessModels() {}

    static LanguageModel policy(PolicySource.InProcess source) {
        return TorchLanguageModel.builder()
                .modelDir(existingDirectory(source.modelDir(), "model"))
                .options(EngineOptions.builder()
                        .device(DeviceChoice.parse(source.device()))
                        .dtype(ComputeDtype.parse(source.dtype()))
                        .threads(source.threads())
                        .prefixCacheBytes(source.prefixCacheMb() << 20)
                        .build())
                .build();
    }

    /** The value-head model of {@code options} (a PPM or an ORM), on {@code device}. */
    static RewardModel valueModel(RewardOptions options, String device) {
        ValueTransform transform = options.rawScores() ? ValueTransform.IDENTITY : ValueTransform.TANH_OVER_5;
        return options.ppm() != null
                ? TorchRewardModel.open(existingDirectory(options.ppm(), "ppm"), RewardModel.Kind.PROCESS,
                        DeviceChoice.parse(device), transform)
                : TorchRewardModel.open(existingDirectory(options.orm(), "orm"), RewardModel.Kind.OUTCOME,
                        DeviceChoice.parse(device), transform);
    }

    private static Path existingDirectory(String dir, String option) {
        Path path = Path.of(dir);
        if (!Files.isDirectory(path)) {
            throw new IllegalArgumentException(option + " " + dir + " is not a directory on this executor");
        }
        return path;
    }
}
