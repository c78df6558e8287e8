package dev.reason4j.recipes.stages;

import dev.reason4j.core.provenance.InputFile;
import dev.reason4j.lm.LanguageModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A model directory the stages of a recipe read: opened for sampling on first use only (a resumed stage with nothing
 * left to do never loads the weights) and shared by the stages that sample from it, then closed by its owner.
 */
public final class Checkpoint implements AutoCloseable {

    private final Path dir;
    private final ModelBackend backend;
    private LanguageModel model;
    private List<InputFile> inputs;

    public Checkpoint(Path dir, ModelBackend backend) {
        this.dir = Objects.requireNonNull(dir, "dir");
        this.backend = Objects.requireNonNull(backend, "backend");
    }

    public Path dir() {
        return dir;
    }

    /** The model, opened now if it was not yet. */
    public LanguageModel model() {
        if (model == null) {
            model = backend.generator(dir);
        }
        return model;
    }

    /**
     * The files that make the model (weights, config, tokenizer) with their hashes, for the manifests of the stages
     * that read it; hashed once, however many stages record them.
     */
    public List<InputFile> inputs() {
        if (inputs == null) {
            inputs = files(dir).stream().map(InputFile::of).toList();
        }
        return inputs;
    }

    /** The {@code *.safetensors}, {@code config.json} and {@code tokenizer.json} of {@code dir}, sorted. */
    public static List<Path> files(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> {
                String name = f.getFileName().toString();
                return name.endsWith(".safetensors") || name.equals("config.json") || name.equals("tokenizer.json");
            }).sorted().toList();
        } catch (IOException e) {
            throw new IllegalArgumentException(dir + ": cannot list the model's files: " + e.getMessage(), e);
        }
    }

    /** Frees the model's memory (for a training run that follows) if it was opened; it opens again on next use. */
    public void release() {
        if (model != null) {
            try {
                model.close();
            } finally {
                model = null;
            }
        }
    }

    @Override
    public void close() {
        release();
    }
}
