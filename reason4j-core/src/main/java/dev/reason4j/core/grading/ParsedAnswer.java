package dev.reason4j.core.grading;

import dev.reason4j.core.grading.expr.Expr;
import dev.reason4j.core.grading.expr.ExprPrinter;

/**
 * An answer as the grader understands it.
 *
 * @param raw the answer as given
 * @param normalized after string clean-up ({@link AnswerNormalizer})
 * @param expr the parsed form; a {@link Expr.Text} when the answer is words or could not be parsed
 * @param parseError why parsing failed, or null
 */
public record ParsedAnswer(String raw, String normalized, Expr expr, String parseError) {

    /** The parsed form printed as plain math, for reports. */
    public String printed() {
        return ExprPrinter.print(expr);
    }
}
