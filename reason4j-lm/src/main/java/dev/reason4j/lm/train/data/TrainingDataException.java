package dev.reason4j.lm.train.data;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A training data file has a bad record or cannot be used. The message names the file, the line and, where one is
 * at fault, the field, in the form of {@link dev.reason4j.core.dataset.DatasetException}:
 * {@code data/dpo.jsonl line 17, field 'chosen': missing}.
 *
 * <p>It is an {@link IllegalArgumentException} because bad data is a bad argument: command lines report it in one
 * line as a user error, like a bad option value.
 */
public final class TrainingDataException extends IllegalArgumentException {

    private final Path file;
    private final long line;
    private final String field;

    TrainingDataException(Path file, long line, String field, String reason, Throwable cause) {
        super(file + (line > 0 ? " line " + line : "") + (field == null ? "" : ", field '" + field + "'") + ": "
                + reason, cause);
        this.file = file;
        this.line = line;
        this.field = field;
    }

    /** The file being read. */
    public Path file() {
        return file;
    }

    /** The 1-based line where the bad record starts, or 0 when the error concerns the whole file. */
    public long line() {
        return line;
    }

    /** The field at fault, as a dotted path ({@code messages.2.content}), when one is. */
    public Optional<String> field() {
        return Optional.ofNullable(field);
    }
}
