package dev.reason4j.core.dataset;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A dataset file has a bad record or cannot be read. The message names the file, the line (and for JSON arrays
 * the element) and, where one is at fault, the field: {@code data/test.jsonl line 17, field 'answer': missing}.
 */
public final class DatasetException extends RuntimeException {

    private final Path file;
    private final long line;
    private final String field;
    private final String reason;
    private final boolean skippable;

    DatasetException(Path file, String location, long line, String field, String reason, boolean skippable, Throwable cause) {
        super(file + (location.isEmpty() ? "" : " " + location) + (field == null ? "" : ", field '" + field + "'") + ": " + reason, cause);
        this.file = file;
        this.line = line;
        this.field = field;
        this.reason = reason;
        this.skippable = skippable;
    }

    /** A problem with one record, which {@link LoadOptions#skipBadRecords()} may skip. */
    static DatasetException badRecord(Path file, JsonRecord record, String field, String reason) {
        return new DatasetException(file, record.location(), record.line(), field, reason, true, null);
    }

    /** A JSONL line that is not valid JSON; later lines can still be read. */
    static DatasetException badLine(Path file, long line, String reason, Throwable cause) {
        return new DatasetException(file, "line " + line, line, null, reason, true, cause);
    }

    /** A problem that stops reading the file (broken JSON array, unreadable file). */
    static DatasetException fatal(Path file, long line, String reason, Throwable cause) {
        return new DatasetException(file, line > 0 ? "line " + line : "", line, null, reason, false, cause);
    }

    /** The file being read. */
    public Path file() {
        return file;
    }

    /** The 1-based line where the bad record starts, or 0 when the error is not tied to a line. */
    public long line() {
        return line;
    }

    /** The field at fault, as its dotted path, when one is. */
    public Optional<String> field() {
        return Optional.ofNullable(field);
    }

    /** What is wrong, without the location. */
    public String reason() {
        return reason;
    }

    /** Whether reading can go on past this error (one bad record) or had to stop. */
    public boolean skippable() {
        return skippable;
    }
}
