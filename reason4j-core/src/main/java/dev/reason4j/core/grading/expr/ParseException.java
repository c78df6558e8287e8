package dev.reason4j.core.grading.expr;

/** An answer that is not well-formed math; the grader then compares it as text. */
public final class ParseException extends RuntimeException {
    public ParseException(String message) {
        super(message, null, false, false);
    }
}
