package dev.reason4j.testbed.world;

import dev.reason4j.core.grading.expr.BigRational;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One generated word problem with its exact answer and its solution steps.
 *
 * @param id unique within its split ({@code train-000042}); empty until the split assigns it
 * @param family the template family ({@code collection}, {@code ages}, …)
 * @param template the template variant: the family and its events in order ({@code collection:has>packs>give-away})
 * @param difficulty the number of operations, 1 to 8: exactly the steps of the concise solution
 * @param numbers the numbers the statement gives, in order; with the template they identify the problem
 * @param statement the sentences that matter, without the question
 * @param distractors the sentences that do not matter, mixed into {@code question}
 * @param ask the question sentence
 * @param question the full problem text: statement and distractors, then the question sentence
 * @param steps one per operation, in solving order; the last gives the answer
 * @param plan how the overthinking solution pads the concise one
 */
public record WorldProblem(
        String id,
        String family,
        String template,
        int difficulty,
        List<BigRational> numbers,
        List<String> statement,
        List<Distractor> distractors,
        String ask,
        String question,
        List<Step> steps,
        OverthinkingPlan plan) {

    public WorldProblem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(template, "template");
        numbers = List.copyOf(numbers);
        statement = List.copyOf(statement);
        distractors = List.copyOf(distractors);
        Objects.requireNonNull(ask, "ask");
        Objects.requireNonNull(question, "question");
        steps = List.copyOf(steps);
        Objects.requireNonNull(plan, "plan");
        if (steps.isEmpty() || difficulty != steps.size()) {
            throw new IllegalArgumentException(
                    "problem " + template + ": difficulty must equal the number of steps (" + steps.size() + "), was " + difficulty);
        }
    }

    /** The exact answer: the value of the last step. */
    public BigRational answer() {
        return finalStep().value();
    }

    /** The gold answer as the grader reads it: {@code 74} or {@code \frac{15}{4}}. */
    public String gold() {
        return Numbers.latex(answer());
    }

    public Step finalStep() {
        return steps.getLast();
    }

    /** Template and numbers: no test problem shares its key with a training problem. */
    public String key() {
        return template + "|" + numbers.stream().map(Numbers::text).collect(Collectors.joining(","));
    }

    WorldProblem withId(String newId) {
        return new WorldProblem(newId, family, template, difficulty, numbers, statement, distractors, ask, question, steps,
                plan);
    }
}
