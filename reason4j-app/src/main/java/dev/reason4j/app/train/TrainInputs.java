package dev.reason4j.app.train;

import dev.reason4j.core.dataset.LoadOptions;
import dev.reason4j.lm.train.data.DataFormat;
import dev.reason4j.lm.train.data.DataOptions;
import dev.reason4j.lm.train.data.LengthLimit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import picocli.CommandLine.Option;

/** What {@code reason4j train <objective>} reads and where it writes: model, data and how to read it, run directory. */
public final class TrainInputs {

    @Option(names = "--model", required = true, paramLabel = "DIR",
            description = "Starting checkpoint in Hugging Face layout (config.json, *.safetensors, tokenizer.json).")
    Path model;

    @Option(names = "--data", required = true, paramLabel = "F",
            description = "Training data, JSONL or a JSON array: TRL, LLaMA-Factory, step pairs or step values.")
    Path data;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Run directory: run.json, metrics.jsonl, checkpoints/ and the trained model; resumed when "
                    + "it holds a checkpoint of the same job.")
    Path out;

    @Option(names = "--format", paramLabel = "NAME",
            description = "Data format: trl-messages, trl-completion, trl-preference, llamafactory, "
                    + "llamafactory-preference, step-pairs, step-values (default: from the first record's fields).")
    String format;

    @Option(names = "--max-length", defaultValue = "0", paramLabel = "TOKENS",
            description = "Longest prompt + reply kept; 0 for no limit (default: ${DEFAULT-VALUE}).")
    int maxLength;

    @Option(names = "--overflow", defaultValue = "TRUNCATE",
            description = "Longer sequences: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}); step examples are "
                    + "always skipped.")
    LengthLimit.Overflow overflow;

    @Option(names = "--skip-bad-records",
            description = "Skip and count bad records instead of stopping at the first one.")
    boolean skipBadRecords;

    @Option(names = "--device", defaultValue = "auto", description = "cpu, cuda or auto (default: ${DEFAULT-VALUE}).")
    String device;

    @Option(names = "--threads", defaultValue = "0", description = "libtorch threads; 0 = all cores (default: ${DEFAULT-VALUE}).")
    int threads;

    DataOptions dataOptions() {
        DataOptions options = DataOptions.defaults()
                .withLengthLimit(new LengthLimit(maxLength, overflow))
                .withLoad(skipBadRecords ? LoadOptions.skippingBadRecords() : LoadOptions.strict());
        return format == null ? options : options.withFormat(DataFormat.parse(format));
    }

    /** The files that make the starting model, for the run's provenance. */
    List<Path> modelFiles() {
        try (Stream<Path> files = Files.list(model)) {
            return files.filter(f -> {
                String name = f.getFileName().toString();
                return name.endsWith(".safetensors") || name.endsWith(".json") || name.endsWith(".jinja");
            }).sorted().toList();
        } catch (IOException e) {
            throw new IllegalArgumentException("--model " + model + ": cannot list its files: " + e.getMessage(), e);
        }
    }

    /** Refuses a model directory without config.json and a missing data file before any work is done. */
    void check() {
        if (!Files.isRegularFile(model.resolve("config.json"))) {
            throw new IllegalArgumentException("--model " + model + ": no config.json (expected a Hugging Face "
                    + "checkpoint directory)");
        }
        if (!Files.isRegularFile(data)) {
            throw new IllegalArgumentException("--data " + data + ": no such file");
        }
    }
}
