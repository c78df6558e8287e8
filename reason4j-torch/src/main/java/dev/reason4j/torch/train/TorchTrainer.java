package dev.reason4j.torch.train;

import dev.reason4j.lm.train.Trainer;
import dev.reason4j.lm.train.TrainingConfig;
import dev.reason4j.lm.train.TrainingExample;
import dev.reason4j.lm.train.TrainingListener;
import dev.reason4j.lm.train.TrainingResult;
import dev.reason4j.torch.CheckpointException;
import dev.reason4j.torch.DeviceChoice;
import dev.reason4j.torch.model.ModelConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.bytedeco.pytorch.Device;
import org.bytedeco.pytorch.global.torch;
import org.bytedeco.pytorch.global.torch.ScalarType;

/**
 * Trains a Hugging Face Qwen2/Llama checkpoint in-process on libtorch: SFT, DPO, RPO, SimPO, O1-Pruner's
 * length-harmonizing loss, and the PPM / PQM / ORM value-head objectives.
 *
 * <pre>{@code
 * try (TorchTrainer trainer = TorchTrainer.open(Path.of("models/qwen2.5-0.5b"), DeviceChoice.AUTO, 0)) {
 *     TrainingResult r = trainer.train(
 *             TrainingConfig.builder(Objective.DPO, Path.of("runs/dpo")).learningRate(5e-7).epochs(1).build(),
 *             examples, listener);
 * }
 * }</pre>
 *
 * <p>Parameters and optimizer state are float32 whatever the checkpoint's dtype; on a GPU forward passes run under
 * bf16 autocast ({@link TrainingConfig#mixedPrecision()}). The trained model is saved in the starting checkpoint's
 * dtype. Each {@link #train} call starts from the checkpoint on disk (or resumes its own run from
 * {@link TrainingConfig#outputDir()}), so one trainer may run several configurations one after another.
 */
public final class TorchTrainer extends Trainer {

    private final Path modelDir;
    private final DeviceChoice device;

    private TorchTrainer(Path modelDir, DeviceChoice device) {
        this.modelDir = modelDir;
        this.device = device;
    }

    /**
     * Opens the starting checkpoint {@code modelDir} (config.json, safetensors, tokenizer files to copy).
     *
     * @param threads libtorch intra-op threads (process-wide); 0 leaves libtorch's choice
     * @throws CheckpointException when {@code modelDir} is not a model directory
     */
    public static TorchTrainer open(Path modelDir, DeviceChoice device, int threads) {
        Objects.requireNonNull(modelDir, "modelDir");
        Objects.requireNonNull(device, "device");
        if (threads < 0) {
            throw new IllegalArgumentException("threads must be >= 0, was " + threads);
        }
        if (!Files.isDirectory(modelDir)) {
            throw new CheckpointException(modelDir + ": not a directory");
        }
        ModelConfig.read(modelDir.resolve("config.json"));
        if (threads > 0) {
            torch.set_num_threads(threads);
        }
        return new TorchTrainer(modelDir, device);
    }

    @Override
    public String id() {
        return modelDir.toAbsolutePath().normalize().getFileName().toString();
    }

    @Override
    protected TrainingResult doTrain(TrainingConfig config, List<TrainingExample> examples, TrainingListener listener) {
        Device resolved = device.resolve();
        return new TrainingRun(modelDir, resolved, ScalarType.Float, config, examples, listener).run();
    }
}
