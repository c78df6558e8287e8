package dev.reason4j.core.grading;

import dev.reason4j.core.grading.expr.Deadline;
import dev.reason4j.core.grading.expr.Expr;
import dev.reason4j.core.grading.expr.ExprTrees;
import dev.reason4j.core.grading.expr.LatexParser;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides whether a model's answer is mathematically equal to the gold answer.
 *
 * <p>Pipeline: {@link AnswerExtractor} (for whole responses) → {@link AnswerNormalizer} → {@link LatexParser} →
 * {@link EquivalenceChecker}. Numbers are compared exactly where they are exact and with a relative tolerance only
 * where one side is a decimal approximation; expressions with variables are compared at random points; answers that
 * are words, or do not parse, are compared as text. Every comparison runs under a time budget and answers "not
 * equal" with that reason when the budget runs out, so a hostile answer cannot hang a grading run.
 *
 * <p>Thread-safe: a grader holds only immutable options.
 */
public final class MathGrader {

    private static final Pattern CHOICE = Pattern.compile("\\(?([A-Z])\\)?|\\(([A-Z])\\)\\s+\\S.*");

    private final GraderOptions options;
    private final AnswerExtractor extractor;

    public MathGrader(GraderOptions options) {
        this.options = options;
        this.extractor = new AnswerExtractor(options.extraction());
    }

    public static MathGrader withDefaults() {
        return new MathGrader(GraderOptions.defaults());
    }

    public GraderOptions options() {
        return options;
    }

    /** Compares two answers (already extracted; a {@code \boxed{}} or {@code $…$} wrapper is fine). */
    public Verdict grade(String gold, String predicted) {
        Deadline deadline = Deadline.after(options.timeBudget().toNanos());
        ParsedAnswer g = null;
        ParsedAnswer p = null;
        try {
            g = parse(gold, deadline);
            p = parse(predicted, deadline);
            if (g.normalized().isEmpty()) {
                return verdict(false, "empty gold answer: nothing can equal it", g, p);
            }
            if (p.normalized().isEmpty()) {
                return verdict(false, "empty predicted answer", g, p);
            }
            if (g.normalized().replace(" ", "").equals(p.normalized().replace(" ", ""))) {
                return verdict(true, "same text after normalisation", g, p);
            }
            Match m = new EquivalenceChecker(options, deadline).compareAnswers(g.expr(), p.expr());
            if (m.undecided()) {
                return verdict(false, "could not decide (the answers are undefined at the test points): not equal", g, p);
            }
            return verdict(m.equal(), m.reason(), g, p);
        } catch (Deadline.BudgetExceeded e) {
            return verdict(false, "time budget of " + options.timeBudget().toMillis() + " ms exceeded: not equal", g, p);
        } catch (RuntimeException | StackOverflowError e) {
            return verdict(false, "comparison failed (" + e.getClass().getSimpleName() + "): not equal", g, p);
        }
    }

    /** Extracts the final answer from a whole response, then grades it. */
    public Verdict gradeResponse(String gold, String response) {
        Optional<AnswerExtractor.Extracted> extracted = extractor.extract(response);
        if (extracted.isEmpty()) {
            ParsedAnswer g = parse(gold, Deadline.after(options.timeBudget().toNanos()));
            return new Verdict(false, "no final answer found in the response", g.printed(), "", kind(g.expr()));
        }
        return grade(gold, extracted.get().answer());
    }

    /** The extractor configured by these options. */
    public AnswerExtractor extractor() {
        return extractor;
    }

    /** Parses an answer the way {@link #grade} does, with this grader's time budget. */
    public ParsedAnswer parse(String answer) {
        return parse(answer, Deadline.after(options.timeBudget().toNanos()));
    }

    private ParsedAnswer parse(String answer, Deadline deadline) {
        String raw = answer == null ? "" : answer;
        if (raw.length() > options.maxAnswerChars()) {
            String cut = raw.substring(0, options.maxAnswerChars());
            return new ParsedAnswer(raw, cut, new Expr.Text(cut), "longer than " + options.maxAnswerChars() + " characters");
        }
        String normalized = AnswerNormalizer.normalize(raw);
        Matcher choice = CHOICE.matcher(normalized);
        if (choice.matches()) {
            char letter = (choice.group(1) != null ? choice.group(1) : choice.group(2)).charAt(0);
            return new ParsedAnswer(raw, normalized, new Expr.Choice(letter), null);
        }
        if (normalized.isEmpty() || AnswerNormalizer.isText(normalized)) {
            return new ParsedAnswer(raw, normalized, new Expr.Text(normalized), null);
        }
        try {
            return new ParsedAnswer(raw, normalized, LatexParser.parse(normalized, deadline), null);
        } catch (Deadline.BudgetExceeded e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            return new ParsedAnswer(raw, normalized, new Expr.Text(normalized), String.valueOf(e.getMessage()));
        }
    }

    private static Verdict verdict(boolean equal, String reason, ParsedAnswer g, ParsedAnswer p) {
        return new Verdict(
                equal,
                reason,
                g == null ? "" : g.printed(),
                p == null ? "" : p.printed(),
                g == null ? "unknown" : kind(g.expr()));
    }

    /** A short name for the kind of an answer, for per-kind accuracy tables. */
    public static String kind(Expr e) {
        return switch (e) {
            case Expr.Num n -> n.value().isInteger() ? "integer" : "number";
            case Expr.Percent p -> "percent";
            case Expr.BaseNumber b -> "base-n number";
            case Expr.Bracketed b -> IntervalSets.definitelyIntervals(b) ? "interval" : "tuple";
            case Expr.Union u -> "interval";
            case Expr.SetLit s -> "set";
            case Expr.SetBuilder s -> "set";
            case Expr.AnswerList l -> "list";
            case Expr.Matrix m -> "matrix";
            case Expr.Relation r -> r.ops().stream().allMatch(op -> op == Expr.RelOp.EQ) ? "equation" : "inequality";
            case Expr.Text t -> "text";
            case Expr.Choice c -> "choice";
            case Expr.PlusMinus pm -> "list";
            default -> ExprTrees.symbols(e).isEmpty() ? "number" : "expression";
        };
    }
}
