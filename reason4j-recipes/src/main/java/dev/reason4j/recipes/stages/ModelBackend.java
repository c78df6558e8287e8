package dev.reason4j.recipes.stages;

import dev.reason4j.lm.LanguageModel;
import dev.reason4j.lm.train.Trainer;
import java.nio.file.Path;

/**
 * Opens checkpoints for the recipes: for sampling, and as the starting point of a fine-tuning run. The recipes
 * never name an engine; the CLI passes one backed by libtorch (and, for the starting model, optionally by an
 * OpenAI-compatible server).
 */
public interface ModelBackend {

    /** A model that samples from the checkpoint in {@code modelDir} (Hugging Face layout); the caller closes it. */
    LanguageModel generator(Path modelDir);

    /** A trainer starting from the checkpoint in {@code modelDir}; the caller closes it. */
    Trainer trainer(Path modelDir);
}
