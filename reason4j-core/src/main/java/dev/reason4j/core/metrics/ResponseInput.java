package dev.reason4j.core.metrics;

import java.util.List;
import java.util.Objects;

/**
 * One model response to analyse.
 *
 * @param problem the question (may be empty; splitters may use it as context)
 * @param gold the gold answer, or {@code null} when every given solution carries its own verdict
 * @param response the whole response, or {@code null} when only split solutions are given
 * @param givenSolutions solution rounds split beforehand; empty to let the splitter split {@code response}
 */
public record ResponseInput(String problem, String gold, String response, List<GivenSolution> givenSolutions) {

    public ResponseInput {
        Objects.requireNonNull(problem, "problem");
        givenSolutions = givenSolutions == null ? List.of() : List.copyOf(givenSolutions);
        if ((response == null || response.isBlank()) && givenSolutions.isEmpty()) {
            throw new IllegalArgumentException("nothing to analyse: the response is empty and no split solutions are given");
        }
        if (gold == null && (givenSolutions.isEmpty() || givenSolutions.stream().anyMatch(s -> s.correct() == null))) {
            throw new IllegalArgumentException("no gold answer, and not every split solution says whether it is correct");
        }
    }

    /** A response to split and grade against {@code gold}. */
    public static ResponseInput of(String problem, String gold, String response) {
        return new ResponseInput(problem, gold, response, List.of());
    }

    /** Whether the rounds come from the input rather than from a splitter. */
    public boolean presplit() {
        return !givenSolutions.isEmpty();
    }
}
