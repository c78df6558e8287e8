package dev.reason4j.testbed.world;

import java.util.List;

/**
 * Generated train and test problems. No test problem has the template and numbers of a training problem.
 *
 * @param train training problems, ids {@code train-000000}, …
 * @param test test problems, ids {@code test-000000}, …
 */
public record WorldSplit(List<WorldProblem> train, List<WorldProblem> test) {

    public WorldSplit {
        train = List.copyOf(train);
        test = List.copyOf(test);
    }
}
