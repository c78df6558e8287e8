package dev.reason4j.core.metrics;

import java.util.Objects;

/**
 * A record or response that was counted but not analysed.
 *
 * @param kind what was wrong
 * @param line the input line (or JSON array item)
 * @param sample the sample index within the record, or -1 when the whole record is at fault
 * @param message what was wrong, naming the file, line and field
 */
public record InputIssue(IssueKind kind, long line, int sample, String message) {

    public InputIssue {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
        if (sample < -1) {
            throw new IllegalArgumentException("sample must be -1 (whole record) or >= 0, got " + sample);
        }
    }
}
