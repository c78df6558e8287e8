package dev.reason4j.app.ui;

import dev.reason4j.core.grading.MathGrader;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Grades the answers of samples the eval records did not grade (each search-tree ending, not only the chosen
 * answer), with the grader eval uses, remembering each (gold, answer) pair: pages and curves ask about the same
 * answers again and again.
 */
final class AnswerGrades {

    /** Pairs remembered before the memory is cleared. */
    static final int CAPACITY = 200_000;

    private final MathGrader grader = MathGrader.withDefaults();
    private final Map<String, Boolean> known = new ConcurrentHashMap<>();

    /** Whether {@code answer} equals {@code gold}; no answer or no gold is never correct. */
    boolean correct(String gold, String answer) {
        if (gold == null || answer == null) {
            return false;
        }
        if (known.size() > CAPACITY) {
            known.clear();
        }
        return known.computeIfAbsent(gold + '\u0000' + answer, k -> grader.grade(gold, answer).equal());
    }
}
