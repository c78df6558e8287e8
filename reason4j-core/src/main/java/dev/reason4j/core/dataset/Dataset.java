package dev.reason4j.core.dataset;

import dev.reason4j.core.provenance.InputFile;
import java.util.List;
import java.util.Objects;

/**
 * The problems of one file, loaded whole.
 *
 * @param name the file name without its extension, e.g. {@code gsm8k_test}
 * @param format the name of the format it was read with
 * @param source the file's path, SHA-256 (of exactly the bytes read) and size, for run provenance
 * @param problems the problems in file order
 * @param skipped how many bad records were skipped (0 unless loaded with {@link LoadOptions#skipBadRecords()})
 * @param skipReasons why the first skipped records were skipped, with file and line
 */
public record Dataset(String name, String format, InputFile source, List<Problem> problems, long skipped, List<String> skipReasons) {

    public Dataset {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(source, "source");
        problems = List.copyOf(problems);
        skipReasons = List.copyOf(skipReasons);
        if (skipped < skipReasons.size()) {
            throw new IllegalArgumentException("skipped (" + skipped + ") is less than the reasons given (" + skipReasons.size() + ")");
        }
    }

    /** The number of problems. */
    public int size() {
        return problems.size();
    }
}
