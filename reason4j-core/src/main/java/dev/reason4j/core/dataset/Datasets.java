package dev.reason4j.core.dataset;

import dev.reason4j.core.provenance.InputFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Entry points for reading problem files: whole ({@link #load}) or streamed ({@link #open}). */
public final class Datasets {

    private Datasets() {}

    /**
     * Loads a benchmark file whose format its name tells ({@code gsm8k_test.jsonl}, {@code math500_test.jsonl}, …),
     * stopping at the first bad record.
     *
     * @throws IllegalArgumentException when the name does not tell the format
     * @throws DatasetException at a bad record or an unreadable file
     */
    public static Dataset load(Path file) {
        return load(file, DatasetFormats.forFile(file), LoadOptions.strict());
    }

    /** Loads {@code file} in the given format, stopping at the first bad record. */
    public static Dataset load(Path file, DatasetFormat format) {
        return load(file, format, LoadOptions.strict());
    }

    /**
     * Loads {@code file} in the given format.
     *
     * @throws DatasetException at a bad record (unless skipped by {@code options}) or an unreadable file
     */
    public static Dataset load(Path file, DatasetFormat format, LoadOptions options) {
        try (ProblemReader reader = open(file, format, options)) {
            List<Problem> problems = new ArrayList<>();
            reader.forEach(problems::add);
            InputFile source = new InputFile(file.toAbsolutePath().normalize().toString(), reader.sha256(), size(file));
            return new Dataset(reader.datasetName(), format.name(), source, problems, reader.skipped(), reader.skipReasons());
        }
    }

    /**
     * Opens {@code file} to stream its problems; close the reader when done.
     *
     * @throws DatasetException if the file cannot be opened
     */
    public static ProblemReader open(Path file, DatasetFormat format, LoadOptions options) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(options, "options");
        return new ProblemReader(file, datasetName(file), format, options);
    }

    /** The file name without its last extension: {@code gsm8k_test.jsonl} → {@code gsm8k_test}. */
    static String datasetName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw DatasetException.fatal(file, 0, "cannot read its size: " + e.getMessage(), e);
        }
    }
}
