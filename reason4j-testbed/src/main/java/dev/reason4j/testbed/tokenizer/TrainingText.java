package dev.reason4j.testbed.tokenizer;

import dev.reason4j.core.dataset.DatasetFormat;
import dev.reason4j.core.dataset.Datasets;
import dev.reason4j.core.dataset.Problem;
import dev.reason4j.testbed.world.WorldJsonl;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The text a tokenizer is trained on, read from a file: from a testbed JSONL file ({@code .jsonl}) each problem's
 * question and every reference solution; from any other file its whole content.
 */
public final class TrainingText {

    private TrainingText() {}

    /**
     * @throws dev.reason4j.core.dataset.DatasetException naming file, line and field for a bad JSONL record
     * @throws IllegalArgumentException when a JSONL file holds no reference solutions (not a testbed file)
     */
    public static List<String> read(Path file) {
        if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jsonl")) {
            try {
                return List.of(Files.readString(file));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
            }
        }
        List<String> texts = new ArrayList<>();
        boolean solutions = false;
        for (Problem problem : Datasets.load(file, DatasetFormat.jsonl("question", "answer", null)).problems()) {
            texts.add(problem.question());
            for (String field : WorldJsonl.SOLUTION_FIELDS) {
                String solution = problem.meta().get(field);
                if (solution != null) {
                    texts.add(solution);
                    solutions = true;
                }
            }
        }
        if (!solutions) {
            throw new IllegalArgumentException(file + ": no record has any of the fields " + WorldJsonl.SOLUTION_FIELDS
                    + "; train the tokenizer on a file written by 'reason4j testbed generate' or on plain text");
        }
        return texts;
    }
}
