package dev.reason4j.app.recipes.common;

import dev.reason4j.core.dataset.DatasetFormat;
import dev.reason4j.core.dataset.DatasetFormats;
import dev.reason4j.core.dataset.Datasets;
import dev.reason4j.recipes.stages.ProblemSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The problems a recipe trains on and the held-out ones it evaluates on: a second file, or problems split off the
 * first by the seeded hash of their ids.
 */
public final class ProblemOptions {

    @Option(names = "--data", required = true, paramLabel = "F",
            description = "Training problems: JSONL (or a .json array) with a question and a gold answer.")
    Path data;

    @Option(names = "--format", paramLabel = "NAME",
            description = "Format of --data and --eval-data (gsm8k, math, aime24, amc23, gaokao2023en, jsonl, json); "
                    + "default: from each file's name, else jsonl with fields question and answer.")
    String format;

    @Option(names = "--limit", defaultValue = "0",
            description = "Only the first N problems of --data; 0 for all (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--eval-data", paramLabel = "F",
            description = "Held-out problems the models are evaluated on (default: --eval-size problems of --data).")
    Path evalData;

    @Option(names = "--eval-limit", defaultValue = "0",
            description = "Only the first N problems of --eval-data; 0 for all (default: ${DEFAULT-VALUE}).")
    int evalLimit;

    @Option(names = "--eval-size", defaultValue = "0", paramLabel = "N",
            description = "Without --eval-data: problems of --data held out for evaluation, chosen by the seeded "
                    + "hash of their ids; 0 for a tenth, at least one (default: ${DEFAULT-VALUE}).")
    int evalSize;

    /** The training and the held-out problems; {@code seed} chooses the held-out ones when they come from --data. */
    public ProblemSet.Split load(long seed) {
        ProblemSet all = ProblemSet.of(Datasets.load(existing("--data", data), format(data)), limit);
        if (evalData != null) {
            if (evalSize != 0) {
                throw new IllegalArgumentException("give --eval-data or --eval-size, not both");
            }
            return new ProblemSet.Split(all,
                    ProblemSet.of(Datasets.load(existing("--eval-data", evalData), format(evalData)), evalLimit));
        }
        if (evalSize < 0) {
            throw new IllegalArgumentException("--eval-size must be >= 0, was " + evalSize);
        }
        return all.holdOut(evalSize > 0 ? evalSize : Math.max(1, all.problems().size() / 10), seed);
    }

    /** What these options decide beyond the files' hashes, for the manifest. */
    public Map<String, Object> toConfig() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", format);
        m.put("held_out", evalData == null);
        return m;
    }

    private DatasetFormat format(Path file) {
        return format != null ? DatasetFormats.byName(format) : DatasetFormats.detect(file)
                .orElse(file.toString().endsWith(".json") ? DatasetFormats.JSON : DatasetFormats.JSONL);
    }

    /** Whether answers are GSM8K-style: what the answer extraction falls back to by default. */
    public boolean gsm8kStyle() {
        return format(data) == DatasetFormats.GSM8K;
    }

    private static Path existing(String option, Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(option + " " + file + ": no such file");
        }
        return file;
    }
}
