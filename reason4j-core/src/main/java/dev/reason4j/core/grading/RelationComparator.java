package dev.reason4j.core.grading;

import dev.reason4j.core.grading.expr.Expr;
import dev.reason4j.core.grading.expr.Expr.RelOp;
import dev.reason4j.core.grading.expr.Expr.Relation;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * Equations and inequalities: {@code x = 3} answers "3"; {@code y = 2x+1} is {@code 2x+1 = y}; {@code x > 2} is
 * {@code 2 < x}; chains compare operand by operand once written in the same direction.
 */
final class RelationComparator {

    /** What may stand left of "=" as the name of the answer: {@code x}, {@code x_1}, {@code f(x)}, {@code \theta}, {@code AB}. */
    private static final Pattern NAME = Pattern.compile(
            "[A-Za-z](?:_\\{?[A-Za-z0-9]+}?)?'*(?:\\s*\\(\\s*[A-Za-z0-9]+(?:\\s*,\\s*[A-Za-z0-9]+)*\\s*\\))?"
                    + "|\\\\[a-zA-Z]+(?:_\\{?[A-Za-z0-9]+}?)?|[A-Z]{2,}");

    private final ScalarComparator scalars;
    private final BiFunction<Expr, Expr, Match> compare;

    /** @param compare the full comparison, for the right-hand sides of named answers */
    RelationComparator(ScalarComparator scalars, BiFunction<Expr, Expr, Match> compare) {
        this.scalars = scalars;
        this.compare = compare;
    }

    /** The value a relation names ({@code 3} for {@code x = 3} or {@code 3 = x}), or null. */
    static Expr namedValue(Relation r) {
        if (r.ops().size() != 1 || (r.ops().getFirst() != RelOp.EQ && r.ops().getFirst() != RelOp.IN)) {
            return null;
        }
        if (isName(r.texts().get(0))) {
            return r.operands().get(1);
        }
        if (r.ops().getFirst() == RelOp.EQ && isName(r.texts().get(1)) && !isName(r.texts().get(0))) {
            return r.operands().get(0);
        }
        return null;
    }

    private static boolean isName(String text) {
        return NAME.matcher(text.strip()).matches();
    }

    Match relationVsValue(Relation r, Expr value, boolean relationIsGold) {
        Expr named = namedValue(r);
        if (named == null) {
            return Match.no("an equation or inequality against a value");
        }
        return relationIsGold ? compare.apply(named, value) : compare.apply(value, named);
    }

    Match compare(Relation a, Relation b) {
        if (a.ops().size() == 1 && b.ops().size() == 1) {
            return compareSingle(a, b);
        }
        Relation na = forward(a);
        Relation nb = forward(b);
        if (!na.ops().equals(nb.ops())) {
            return Match.no("different relation chains");
        }
        for (int i = 0; i < na.operands().size(); i++) {
            Match m = compare.apply(na.operands().get(i), nb.operands().get(i));
            if (!m.equal()) {
                return m.undecided() ? m : Match.no("chains differ at operand " + (i + 1) + ": " + m.reason());
            }
        }
        return Match.yes("same chain");
    }

    private Match compareSingle(Relation a, Relation b) {
        RelOp opA = a.ops().getFirst();
        RelOp opB = b.ops().getFirst();
        Expr namedA = namedValue(a);
        Expr namedB = namedValue(b);
        if (namedA != null && namedB != null && sameName(a, b)) {
            return compare.apply(namedA, namedB);
        }
        if (opA == RelOp.IN || opB == RelOp.IN) {
            if (opA == RelOp.IN && namedA != null) {
                return compare.apply(namedA, b);
            }
            return namedB != null ? compare.apply(a, namedB) : Match.no("membership against another relation");
        }
        if (opA == RelOp.EQ && opB == RelOp.EQ) {
            return scalars.proportional(difference(a), difference(b), false);
        }
        if (opA == RelOp.EQ || opB == RelOp.EQ) {
            return Match.no("an equation against an inequality");
        }
        Relation fa = forward(a);
        Relation fb = forward(b);
        if (fa.ops().getFirst() != fb.ops().getFirst()) {
            return Match.no("different inequality signs");
        }
        return scalars.proportional(difference(fa), difference(fb), fa.ops().getFirst() != RelOp.NE);
    }

    private static boolean sameName(Relation a, Relation b) {
        String na = isName(a.texts().get(0)) ? a.texts().get(0) : a.texts().get(1);
        String nb = isName(b.texts().get(0)) ? b.texts().get(0) : b.texts().get(1);
        return na.replace(" ", "").equals(nb.replace(" ", ""));
    }

    /** {@code lhs - rhs} of a single relation. */
    private static Expr difference(Relation r) {
        return new Expr.Add(List.of(r.operands().get(0), Expr.negate(r.operands().get(1))));
    }

    /** The chain written with {@code <}, {@code \le} (or unchanged when it has no order). */
    private static Relation forward(Relation r) {
        boolean greater = r.ops().stream().anyMatch(op -> op == RelOp.GT || op == RelOp.GE);
        boolean less = r.ops().stream().anyMatch(op -> op == RelOp.LT || op == RelOp.LE);
        if (!greater || less) {
            return r;
        }
        List<Expr> operands = new ArrayList<>(r.operands()).reversed();
        List<RelOp> ops = new ArrayList<>(r.ops().stream().map(RelOp::flipped).toList()).reversed();
        List<String> texts = new ArrayList<>(r.texts()).reversed();
        return new Relation(operands, ops, texts);
    }
}
