package dev.reason4j.core.metrics;

import java.util.Objects;

/**
 * A solution round split by someone else (an LLM judge, a human), in the {@code split_solutions} layout of
 * Chen et al. (arXiv:2412.21187): {@code {"solution": …, "correct": …, "cluster": …}}. Missing verdicts and
 * clusters are filled in by the analyzer.
 *
 * @param solution the round's text
 * @param correct whether the round's answer is right, or {@code null} to let the grader decide
 * @param cluster the round's strategy cluster (rounds in one cluster follow the same approach), or {@code null}
 *     to let the clusterer decide
 */
public record GivenSolution(String solution, Boolean correct, Integer cluster) {

    public GivenSolution {
        Objects.requireNonNull(solution, "solution");
        if (cluster != null && cluster < 0) {
            throw new IllegalArgumentException("cluster must be >= 0, got " + cluster);
        }
    }
}
