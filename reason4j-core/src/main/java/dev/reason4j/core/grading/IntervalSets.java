package dev.reason4j.core.grading;

import dev.reason4j.core.grading.expr.Complex;
import dev.reason4j.core.grading.expr.Deadline;
import dev.reason4j.core.grading.expr.Expr;
import dev.reason4j.core.grading.expr.Expr.AnswerList;
import dev.reason4j.core.grading.expr.Expr.Bracketed;
import dev.reason4j.core.grading.expr.Expr.Const;
import dev.reason4j.core.grading.expr.Expr.RelOp;
import dev.reason4j.core.grading.expr.Expr.Relation;
import dev.reason4j.core.grading.expr.Expr.SetBuilder;
import dev.reason4j.core.grading.expr.Expr.Sym;
import dev.reason4j.core.grading.expr.Expr.Union;
import dev.reason4j.core.grading.expr.ExprTrees;
import dev.reason4j.core.grading.expr.NumericEvaluator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Answers that denote sets of real numbers — intervals, unions of intervals, inequalities in one variable
 * ({@code x \ge 2}, {@code -1 < x \le 3}) and set-builders — turned into a canonical list of disjoint intervals.
 * Open and closed ends matter; ends at infinity are always open.
 */
final class IntervalSets {

    /** One end of an interval: {@code infinity} is -1 or +1 for ±∞, 0 for a finite end. */
    record Bound(Expr value, boolean closed, int infinity) {}

    record Interval(Bound lo, Bound hi) {}

    private IntervalSets() {}

    /** Whether the answer can only mean a set of reals (so a plain pair such as (1,2) beside it is an interval). */
    static boolean definitelyIntervals(Expr e) {
        return switch (e) {
            case Union u -> true;
            case Bracketed b -> isInterval(b) && ((b.open() == '(') != (b.close() == ')') || hasInfinity(b));
            case Relation r -> !isEquation(r) && fromRelation(r).isPresent();
            case SetBuilder sb -> true;
            case AnswerList l -> l.items().stream().anyMatch(i -> i instanceof Relation r && !isEquation(r))
                    && l.items().stream().allMatch(i -> i instanceof Relation r && fromRelation(r).isPresent());
            default -> false;
        };
    }

    private static boolean isEquation(Relation r) {
        return r.ops().stream().allMatch(op -> op == RelOp.EQ || op == RelOp.IN);
    }

    /** The answer as intervals (unsorted, unmerged), or empty when it is not a set of reals. */
    static Optional<List<Interval>> of(Expr e) {
        return switch (e) {
            case Bracketed b when isInterval(b) -> Optional.of(List.of(interval(b)));
            case Union u -> all(u.parts());
            case Relation r -> fromRelation(r);
            case SetBuilder sb -> of(sb.condition());
            case AnswerList l when l.items().stream().allMatch(i -> i instanceof Relation) -> all(l.items());
            default -> Optional.empty();
        };
    }

    private static Optional<List<Interval>> all(List<Expr> parts) {
        List<Interval> out = new ArrayList<>();
        for (Expr p : parts) {
            Optional<List<Interval>> part = of(p);
            if (part.isEmpty()) {
                return Optional.empty();
            }
            out.addAll(part.get());
        }
        return Optional.of(out);
    }

    private static boolean isInterval(Bracketed b) {
        return b.items().size() == 2 && (b.open() == '(' || b.open() == '[') && (b.close() == ')' || b.close() == ']');
    }

    private static boolean hasInfinity(Bracketed b) {
        return infinitySign(b.items().get(0)) != 0 || infinitySign(b.items().get(1)) != 0;
    }

    private static Interval interval(Bracketed b) {
        return new Interval(bound(b.items().get(0), b.open() == '['), bound(b.items().get(1), b.close() == ']'));
    }

    private static Bound bound(Expr value, boolean closed) {
        int inf = infinitySign(value);
        return new Bound(value, closed && inf == 0, inf);
    }

    static int infinitySign(Expr e) {
        if (e instanceof Const c && c.kind() == Const.Kind.INFINITY) {
            return 1;
        }
        if (e instanceof Expr.Mul m && m.factors().size() == 2 && m.factors().get(1) instanceof Const c
                && c.kind() == Const.Kind.INFINITY && m.factors().get(0) instanceof Expr.Num n) {
            return n.value().signum();
        }
        return 0;
    }

    /** {@code x > 2}, {@code 2 \le x}, {@code -1 < x \le 3}, {@code x \ne 0}: one variable against constants. */
    static Optional<List<Interval>> fromRelation(Relation r) {
        List<Expr> ops = r.operands();
        if (r.ops().size() == 1) {
            RelOp op = r.ops().getFirst();
            if (op == RelOp.IN && isVariable(ops.get(0))) {
                return of(ops.get(1));
            }
            if (isVariable(ops.get(0)) && isConstant(ops.get(1))) {
                return oneSided(op, ops.get(1));
            }
            if (isConstant(ops.get(0)) && isVariable(ops.get(1))) {
                return oneSided(op.flipped(), ops.get(0));
            }
            return Optional.empty();
        }
        if (r.ops().size() == 2 && isConstant(ops.get(0)) && isVariable(ops.get(1)) && isConstant(ops.get(2))) {
            RelOp left = r.ops().get(0);
            RelOp right = r.ops().get(1);
            if (isLess(left) && isLess(right)) {
                return Optional.of(List.of(new Interval(
                        bound(ops.get(0), left == RelOp.LE), bound(ops.get(2), right == RelOp.LE))));
            }
            if (isLess(left.flipped()) && isLess(right.flipped())) {
                return Optional.of(List.of(new Interval(
                        bound(ops.get(2), right == RelOp.GE), bound(ops.get(0), left == RelOp.GE))));
            }
        }
        return Optional.empty();
    }

    private static Optional<List<Interval>> oneSided(RelOp op, Expr c) {
        Bound minusInf = new Bound(c, false, -1);
        Bound plusInf = new Bound(c, false, 1);
        return switch (op) {
            case GT -> Optional.of(List.of(new Interval(bound(c, false), plusInf)));
            case GE -> Optional.of(List.of(new Interval(bound(c, true), plusInf)));
            case LT -> Optional.of(List.of(new Interval(minusInf, bound(c, false))));
            case LE -> Optional.of(List.of(new Interval(minusInf, bound(c, true))));
            case NE -> Optional.of(List.of(new Interval(minusInf, bound(c, false)), new Interval(bound(c, false), plusInf)));
            default -> Optional.empty();
        };
    }

    private static boolean isLess(RelOp op) {
        return op == RelOp.LT || op == RelOp.LE;
    }

    private static boolean isVariable(Expr e) {
        return e instanceof Sym;
    }

    private static boolean isConstant(Expr e) {
        return ExprTrees.symbols(e).isEmpty();
    }

    /**
     * Sorts and merges intervals whose ends are numbers ({@code (-\infty,1) \cup [1,2]} becomes
     * {@code (-\infty,2]}); intervals with symbolic ends are left as written.
     */
    static List<Interval> canonical(List<Interval> intervals, Deadline deadline) {
        NumericEvaluator eval = new NumericEvaluator(Map.of(), deadline);
        List<double[]> keyed = new ArrayList<>();
        for (Interval iv : intervals) {
            double lo = position(iv.lo(), eval);
            double hi = position(iv.hi(), eval);
            if (Double.isNaN(lo) || Double.isNaN(hi)) {
                return intervals;
            }
            keyed.add(new double[] {lo, hi, keyed.size()});
        }
        keyed.sort(Comparator.<double[]>comparingDouble(k -> k[0]).thenComparingDouble(k -> k[1]));
        List<Interval> merged = new ArrayList<>();
        double currentHi = Double.NaN;
        for (double[] k : keyed) {
            Interval iv = intervals.get((int) k[2]);
            if (!merged.isEmpty() && touches(merged.getLast(), currentHi, iv, k[0])) {
                Interval last = merged.removeLast();
                boolean extends_ = k[1] > currentHi || (k[1] == currentHi && iv.hi().closed());
                merged.add(new Interval(last.lo(), extends_ ? iv.hi() : last.hi()));
                currentHi = Math.max(currentHi, k[1]);
            } else {
                merged.add(iv);
                currentHi = k[1];
            }
        }
        return merged;
    }

    private static boolean touches(Interval last, double lastHi, Interval next, double nextLo) {
        return nextLo < lastHi || (nextLo == lastHi && (last.hi().closed() || next.lo().closed()));
    }

    private static double position(Bound b, NumericEvaluator eval) {
        if (b.infinity() != 0) {
            return b.infinity() * Double.POSITIVE_INFINITY;
        }
        Complex v = eval.eval(b.value());
        return v.isFinite() && v.isReal() ? v.re() : Double.NaN;
    }
}
