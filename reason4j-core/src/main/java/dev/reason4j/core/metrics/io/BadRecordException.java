package dev.reason4j.core.metrics.io;

import dev.reason4j.core.metrics.IssueKind;
import java.util.Objects;

/** A response record that cannot be analysed; the message names the file, the line and the field. */
public final class BadRecordException extends RuntimeException {

    private final IssueKind kind;
    private final long line;

    public BadRecordException(IssueKind kind, long line, String message) {
        super(message);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.line = line;
    }

    /** What is wrong. */
    public IssueKind kind() {
        return kind;
    }

    /** The record's line (JSONL) or item (JSON array). */
    public long line() {
        return line;
    }
}
