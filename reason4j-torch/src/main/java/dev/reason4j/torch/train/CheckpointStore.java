package dev.reason4j.torch.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reason4j.core.util.FileTrees;
import dev.reason4j.torch.CheckpointException;
import dev.reason4j.torch.safetensors.SafetensorsFile;
import dev.reason4j.torch.safetensors.SafetensorsWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.InputArchive;
import org.bytedeco.pytorch.Optimizer;
import org.bytedeco.pytorch.OutputArchive;
import org.bytedeco.pytorch.Tensor;

/**
 * Resumable checkpoints under {@code <output>/checkpoints/step-N/}: {@value #STATE} (the trainable state of
 * {@link TrainableModel#state()}: the float32 backbone, or LoRA adapters, plus a value head), {@value #OPTIMIZER}
 * (libtorch's serialised AdamW moments and step counts) and {@value #TRAINER} ({@link TrainerState}).
 *
 * <p>A checkpoint is written into {@code step-N.partial/} and renamed into place, so a kill at any moment leaves
 * either the whole checkpoint or none; stale partial directories are ignored and replaced. Only the latest
 * {@code keep} checkpoints are kept.
 */
@SuppressWarnings("try") // a PointerScope frees what its block allocates; the block never names it
final class CheckpointStore {

    static final String STATE = "state.safetensors";
    static final String OPTIMIZER = "optimizer.pt";
    static final String TRAINER = "trainer-state.json";
    private static final String PREFIX = "step-";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path root;
    private final int keep;

    CheckpointStore(Path outputDir, int keep) {
        this.root = outputDir.resolve("checkpoints");
        this.keep = keep;
    }

    /** The complete checkpoint with the highest step, if any. */
    Optional<Path> latest() {
        return complete().stream().reduce((a, b) -> b);
    }

    /** Reads a checkpoint's {@link TrainerState}. */
    static TrainerState state(Path checkpoint) {
        Path file = checkpoint.resolve(TRAINER);
        try {
            return JSON.readValue(file.toFile(), TrainerState.class);
        } catch (IOException e) {
            throw new CheckpointException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** Writes a checkpoint for {@code state.step()} and drops the oldest beyond {@code keep}; returns its directory. */
    Path write(TrainerState state, TrainableModel model, Optimizer optimizer) {
        Path target = root.resolve(PREFIX + state.step());
        Path partial = root.resolve(PREFIX + state.step() + ".partial");
        try {
            FileTrees.deleteRecursively(partial);
            Files.createDirectories(partial);
            try (PointerScope scope = new PointerScope()) {
                Map<String, Tensor> tensors = model.state();
                SafetensorsWriter.write(partial.resolve(STATE), tensors, Map.of("format", "pt"));
                OutputArchive archive = new OutputArchive();
                optimizer.save(archive);
                archive.save_to(partial.resolve(OPTIMIZER).toString());
            }
            JSON.writeValue(partial.resolve(TRAINER).toFile(), state);
            FileTrees.deleteRecursively(target);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            List<Path> all = complete();
            for (int i = 0; i < all.size() - keep; i++) {
                FileTrees.deleteRecursively(all.get(i));
            }
        } catch (IOException | UncheckedIOException e) {
            throw new CheckpointException(target + ": cannot write checkpoint: " + e.getMessage(), e);
        }
        return target;
    }

    /** Loads a checkpoint's model state and optimizer state into {@code model} and {@code optimizer}. */
    static void restore(Path checkpoint, TrainableModel model, Optimizer optimizer) {
        try (SafetensorsFile file = SafetensorsFile.open(checkpoint.resolve(STATE))) {
            model.loadState(file);
        }
        try (PointerScope scope = new PointerScope()) {
            InputArchive archive = new InputArchive();
            archive.load_from(checkpoint.resolve(OPTIMIZER).toString());
            optimizer.load(archive);
        }
    }

    /** Complete checkpoint directories, by ascending step. */
    private List<Path> complete() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(root)) {
            return entries.filter(p -> p.getFileName().toString().matches(PREFIX + "\\d+"))
                    .filter(p -> Files.isRegularFile(p.resolve(TRAINER)))
                    .sorted(Comparator.comparingLong(p -> Long.parseLong(p.getFileName().toString().substring(PREFIX.length()))))
                    .toList();
        } catch (IOException e) {
            throw new CheckpointException(root + ": cannot list checkpoints: " + e.getMessage(), e);
        }
    }
}
