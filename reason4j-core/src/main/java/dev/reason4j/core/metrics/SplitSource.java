package dev.reason4j.core.metrics;

/** Where the solution rounds of a response came from. */
public enum SplitSource {
    /** The analyzer's {@link dev.reason4j.core.metrics.split.SolutionSplitter}. */
    SPLITTER,
    /** The input's own {@code split_solutions}. */
    INPUT
}
