package dev.reason4j.recipes.evolve;

import dev.reason4j.exec.CodeExecutor;
import dev.reason4j.lm.Tokenizer;
import dev.reason4j.lm.reward.RewardModel;
import dev.reason4j.recipes.stages.ModelBackend;
import java.nio.file.Path;

/**
 * Opens what a self-evolution round runs, from model directories in Hugging Face layout: policies and trainers
 * ({@link ModelBackend}), process preference models, tokenizers and the code sandbox. The recipe sees only the SPIs
 * of {@code dev.reason4j.lm}; the caller decides the engine (the CLI gives libtorch-backed ones). Every object
 * returned is the caller's to close.
 */
public interface EvolutionModels extends ModelBackend {

    /** The process preference model (a checkpoint with a value head) in {@code modelDir}, scoring steps. */
    RewardModel processPreferenceModel(Path modelDir);

    /** The tokenizer of the model in {@code modelDir}, which reads the training data of a model trained from it. */
    Tokenizer tokenizer(Path modelDir);

    /** The sandbox that runs code steps (code protocol only). */
    CodeExecutor codeExecutor();
}
