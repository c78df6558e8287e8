package dev.reason4j.app.recipes.common;

import dev.reason4j.lm.Tokenizer;
import dev.reason4j.lm.hf.HfTokenizer;
import dev.reason4j.recipes.stages.ModelBackend;
import dev.reason4j.torch.ComputeDtype;
import dev.reason4j.torch.DeviceChoice;
import dev.reason4j.torch.EngineOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** The starting model of a recipe and how models run: in-process on libtorch, or the starting model on servers. */
public final class ModelOptions {

    @Option(names = "--model", required = true, paramLabel = "DIR",
            description = "The starting model: a Hugging Face checkpoint directory (config.json, *.safetensors, "
                    + "tokenizer.json).")
    Path model;

    @Option(names = "--endpoint", split = ",", paramLabel = "URL",
            description = "Sample the starting model from OpenAI-compatible servers serving it (e.g. vLLM at "
                    + "http://gpu1:8000/v1) instead of in-process; trained models always run in-process.")
    List<String> endpoints = List.of();

    @Option(names = "--served-model", paramLabel = "NAME", description = "With --endpoint: the model id to ask for.")
    String servedModel;

    @Option(names = "--device", defaultValue = "auto", description = "cpu, cuda or auto (default: ${DEFAULT-VALUE}).")
    String device;

    @Option(names = "--dtype", defaultValue = "auto",
            description = "auto, float32, bfloat16 or float16 (default: ${DEFAULT-VALUE}).")
    String dtype;

    @Option(names = "--threads", defaultValue = "0",
            description = "libtorch threads; 0 lets libtorch choose (default: ${DEFAULT-VALUE}).")
    int threads;

    /** The starting model's directory, checked. */
    public Path model() {
        if (!Files.isRegularFile(model.resolve("config.json"))) {
            throw new IllegalArgumentException("--model " + model + ": no config.json (expected a Hugging Face "
                    + "checkpoint directory)");
        }
        return model;
    }

    /** The starting model's tokenizer; the caller closes it. */
    public HfTokenizer tokenizer() {
        return HfTokenizer.load(model());
    }

    /** Opens models as these options say; {@code tokenizer} is the starting model's. */
    public ModelBackend backend(Tokenizer tokenizer) {
        if (threads < 0) {
            throw new IllegalArgumentException("--threads must be >= 0, was " + threads);
        }
        EngineOptions engine = EngineOptions.builder()
                .device(DeviceChoice.parse(device))
                .dtype(ComputeDtype.parse(dtype))
                .threads(threads)
                .build();
        return new TorchBackend(engine, threads, model(), endpoints, servedModel, tokenizer);
    }

    /**
     * What of these options the recipe's manifest records: where the starting model is sampled and in which dtype
     * (the model itself is recorded by its files' hashes; device and threads change speed, not the job).
     */
    public Map<String, Object> toConfig() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("endpoints", endpoints);
        m.put("served_model", servedModel);
        m.put("dtype", dtype);
        return m;
    }
}
