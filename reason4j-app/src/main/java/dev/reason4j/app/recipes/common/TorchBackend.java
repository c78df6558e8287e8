package dev.reason4j.app.recipes.common;

import dev.reason4j.lm.LanguageModel;
import dev.reason4j.lm.Tokenizer;
import dev.reason4j.lm.openai.OpenAiLanguageModel;
import dev.reason4j.lm.train.Trainer;
import dev.reason4j.recipes.stages.ModelBackend;
import dev.reason4j.torch.DeviceChoice;
import dev.reason4j.torch.EngineOptions;
import dev.reason4j.torch.TorchLanguageModel;
import dev.reason4j.torch.train.TorchTrainer;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The recipes' models on the in-process libtorch engine; the starting model's samples may instead come from
 * OpenAI-compatible servers serving that same model (trained checkpoints always run in-process).
 *
 * @param engine device, dtype and threads of the engine
 * @param threads libtorch threads of the trainer (0: libtorch's choice)
 * @param startModel the starting model's directory
 * @param endpoints servers serving the starting model, or empty to run it in-process too
 * @param servedModel the model id to ask the servers for, or null for their default
 * @param tokenizer the starting model's tokenizer, which sends prompts to servers as token ids
 */
record TorchBackend(EngineOptions engine, int threads, Path startModel, List<String> endpoints, String servedModel,
        Tokenizer tokenizer) implements ModelBackend {

    TorchBackend {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(startModel, "startModel");
        endpoints = List.copyOf(endpoints);
        Objects.requireNonNull(tokenizer, "tokenizer");
    }

    @Override
    public LanguageModel generator(Path modelDir) {
        if (!endpoints.isEmpty() && modelDir.equals(startModel)) {
            OpenAiLanguageModel.Builder remote = OpenAiLanguageModel.builder()
                    .baseUrls(endpoints.toArray(String[]::new))
                    .tokenizer(tokenizer);
            if (servedModel != null) {
                remote.model(servedModel);
            }
            return remote.build();
        }
        return TorchLanguageModel.builder().modelDir(modelDir).options(engine).build();
    }

    @Override
    public Trainer trainer(Path modelDir) {
        return TorchTrainer.open(modelDir, engine.device(), threads);
    }
}
