package dev.reason4j.core.metrics.split;

/** Where one reasoning step ends and the next begins. */
public enum StepBoundary {
    /** At a blank line: a step is a paragraph (QwQ, DeepSeek-R1 and most chat models write this way). */
    BLANK_LINE,
    /** At every line break: for models that write one step per line without blank lines. */
    LINE
}
