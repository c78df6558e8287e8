/**
 * The math under the grader: the {@link dev.reason4j.core.grading.expr.Expr} tree of an answer, a LaTeX lexer and
 * parser, exact rational ({@link dev.reason4j.core.grading.expr.BigRational}) and complex floating-point evaluation,
 * and the cooperative {@link dev.reason4j.core.grading.expr.Deadline} that bounds every check.
 */
package dev.reason4j.core.grading.expr;
