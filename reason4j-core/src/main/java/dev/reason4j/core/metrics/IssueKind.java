package dev.reason4j.core.metrics;

import java.util.Locale;

/** What was wrong with an input record or response that could not be analysed. */
public enum IssueKind {
    /** A JSONL line that is not valid JSON. */
    MALFORMED_JSON,
    /** A record that is valid JSON but not an object. */
    NOT_AN_OBJECT,
    /** A record without a response or a gold answer. */
    MISSING_FIELD,
    /** A field of the wrong type (a number where a response should be, a broken {@code split_solutions}). */
    BAD_FIELD,
    /** A response that is empty or blank. */
    EMPTY_RESPONSE,
    /** The analysis itself failed (a bug, reported with its message rather than stopping the run). */
    ANALYSIS_FAILED;

    /** The name used in JSON: {@code malformed_json}, {@code missing_field}, … */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind named by {@link #key()}. */
    public static IssueKind fromKey(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }
}
