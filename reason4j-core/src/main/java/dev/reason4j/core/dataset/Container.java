package dev.reason4j.core.dataset;

/** How records are laid out in a dataset file. */
public enum Container {
    /** One JSON object per line; blank lines are ignored. */
    JSONL,
    /** One JSON array whose elements are the records. */
    JSON_ARRAY
}
