/**
 * Deciding whether a model's answer is mathematically right.
 *
 * <p>{@link dev.reason4j.core.grading.MathGrader} is the entry point: it extracts a final answer from a response
 * ({@link dev.reason4j.core.grading.AnswerExtractor}), cleans it ({@link dev.reason4j.core.grading.AnswerNormalizer}),
 * parses it ({@link dev.reason4j.core.grading.expr.LatexParser}) and compares it with the gold answer by kind:
 * exact rationals for exact numbers, a relative tolerance only for decimal approximations, random-point identity
 * testing for expressions, order for tuples and none for sets, open and closed ends for intervals, and
 * case-insensitive text for words. Every check runs under a time budget.
 */
package dev.reason4j.core.grading;
