package dev.reason4j.core.grading;

/**
 * The result of grading one predicted answer against a gold answer.
 *
 * @param equal whether the answers are mathematically equivalent
 * @param reason why, in a few words ("equal exactly", "different brackets [) and ()", "time budget exceeded")
 * @param gold the gold answer as the grader understood it (normalised and printed)
 * @param predicted the predicted answer as the grader understood it, or empty when none was found
 * @param kind what kind of answer the gold is: integer, number, expression, interval, set, tuple, …
 */
public record Verdict(boolean equal, String reason, String gold, String predicted, String kind) {}
