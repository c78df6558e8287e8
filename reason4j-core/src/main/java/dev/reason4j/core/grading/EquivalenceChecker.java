package dev.reason4j.core.grading;

import dev.reason4j.core.grading.expr.Deadline;
import dev.reason4j.core.grading.expr.Expr;
import dev.reason4j.core.grading.expr.Expr.AnswerList;
import dev.reason4j.core.grading.expr.Expr.BaseNumber;
import dev.reason4j.core.grading.expr.Expr.Bracketed;
import dev.reason4j.core.grading.expr.Expr.Choice;
import dev.reason4j.core.grading.expr.Expr.Matrix;
import dev.reason4j.core.grading.expr.Expr.Num;
import dev.reason4j.core.grading.expr.Expr.Percent;
import dev.reason4j.core.grading.expr.Expr.Relation;
import dev.reason4j.core.grading.expr.Expr.SetLit;
import dev.reason4j.core.grading.expr.Expr.Sym;
import dev.reason4j.core.grading.expr.Expr.Text;
import dev.reason4j.core.grading.expr.ExprTrees;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides whether two parsed answers mean the same thing, by kind: text and choice letters; sets of reals
 * (intervals, unions, inequalities); equations and inequalities; unordered lists and sets; ordered tuples,
 * vectors and matrices; percentages; numbers in other bases; and scalars (numbers and expressions).
 */
final class EquivalenceChecker {

    /** Longer lists are compared as text: matching them item by item costs quadratic time. */
    private static final int MAX_ITEMS = 200;

    private final PercentPolicy percentPolicy;
    private final Deadline deadline;
    private final ScalarComparator scalars;
    private final RelationComparator relations;

    EquivalenceChecker(GraderOptions options, Deadline deadline) {
        this.percentPolicy = options.percentPolicy();
        this.deadline = deadline;
        this.scalars = new ScalarComparator(options.relativeTolerance(), deadline, options.seed());
        this.relations = new RelationComparator(scalars, this::compare);
    }

    /** Compares a gold answer with a predicted one, after expanding {@code ±} into the answers it stands for. */
    Match compareAnswers(Expr gold, Expr predicted) {
        return compare(expand(gold), expand(predicted));
    }

    private static Expr expand(Expr e) {
        return switch (e) {
            case AnswerList l -> new AnswerList(l.items().stream().flatMap(i -> ExprTrees.expandPlusMinus(i).stream()).toList());
            case SetLit s -> new SetLit(s.items().stream().flatMap(i -> ExprTrees.expandPlusMinus(i).stream()).toList());
            default -> {
                List<Expr> variants = ExprTrees.expandPlusMinus(e);
                yield variants.size() == 1 ? e : new AnswerList(variants);
            }
        };
    }

    Match compare(Expr a, Expr b) {
        deadline.check();
        a = unwrapSingleton(a);
        b = unwrapSingleton(b);
        if (a instanceof Text || b instanceof Text || a instanceof Choice || b instanceof Choice) {
            return compareSymbolic(a, b);
        }
        if (IntervalSets.definitelyIntervals(a) || IntervalSets.definitelyIntervals(b)) {
            Optional<List<IntervalSets.Interval>> ia = IntervalSets.of(a);
            Optional<List<IntervalSets.Interval>> ib = IntervalSets.of(b);
            if (ia.isPresent() && ib.isPresent()) {
                return compareIntervals(ia.get(), ib.get());
            }
        }
        if (a instanceof Relation ra && b instanceof Relation rb) {
            return relations.compare(ra, rb);
        }
        if (a instanceof Relation ra) {
            return relations.relationVsValue(ra, b, true);
        }
        if (b instanceof Relation rb) {
            return relations.relationVsValue(rb, a, false);
        }
        if (isUnordered(a) || isUnordered(b)) {
            return compareCollections(a, b);
        }
        if (isOrdered(a) && isOrdered(b)) {
            return compareOrdered(a, b);
        }
        if (a instanceof Percent || b instanceof Percent) {
            return comparePercent(a, b);
        }
        if (a instanceof BaseNumber || b instanceof BaseNumber) {
            return compareBaseNumbers(a, b);
        }
        if (isScalar(a) && isScalar(b)) {
            return scalars.compare(a, b);
        }
        return Match.no("different kinds of answer");
    }

    private static Expr unwrapSingleton(Expr e) {
        return e instanceof AnswerList l && l.items().size() == 1 ? l.items().getFirst() : e;
    }

    // ---- text and letters --------------------------------------------------------------------------------------

    private Match compareSymbolic(Expr a, Expr b) {
        Character la = letterOf(a);
        Character lb = letterOf(b);
        if (la != null && lb != null) {
            return la.equals(lb) ? Match.yes("same choice") : Match.no("different choices " + la + " and " + lb);
        }
        if (a instanceof Text ta && b instanceof Text tb) {
            return AnswerNormalizer.canonicalText(ta.text()).equals(AnswerNormalizer.canonicalText(tb.text()))
                    ? Match.yes("same text")
                    : Match.no("different text");
        }
        return Match.no("text against math");
    }

    private static Character letterOf(Expr e) {
        return switch (e) {
            case Choice c -> c.letter();
            case Sym s when s.name().length() == 1 && Character.isUpperCase(s.name().charAt(0)) -> s.name().charAt(0);
            case Text t when t.text().strip().length() == 1 -> t.text().strip().toUpperCase(Locale.ROOT).charAt(0);
            default -> null;
        };
    }

    // ---- sets of reals -----------------------------------------------------------------------------------------

    private Match compareIntervals(List<IntervalSets.Interval> a, List<IntervalSets.Interval> b) {
        List<IntervalSets.Interval> ca = IntervalSets.canonical(a, deadline);
        List<IntervalSets.Interval> cb = IntervalSets.canonical(b, deadline);
        if (ca.size() != cb.size()) {
            return Match.no(ca.size() + " interval(s) against " + cb.size());
        }
        for (int i = 0; i < ca.size(); i++) {
            Match lo = compareBounds(ca.get(i).lo(), cb.get(i).lo());
            Match hi = compareBounds(ca.get(i).hi(), cb.get(i).hi());
            if (!lo.equal() || !hi.equal()) {
                return !lo.equal() ? lo : hi;
            }
        }
        return Match.yes("same set of reals");
    }

    private Match compareBounds(IntervalSets.Bound a, IntervalSets.Bound b) {
        if (a.infinity() != 0 || b.infinity() != 0) {
            return a.infinity() == b.infinity() ? Match.yes("same infinite end") : Match.no("different ends");
        }
        if (a.closed() != b.closed()) {
            return Match.no("an open end against a closed one");
        }
        Match m = compare(a.value(), b.value());
        return m.equal() ? m : Match.no("different ends: " + m.reason());
    }

    // ---- collections -------------------------------------------------------------------------------------------

    private static boolean isUnordered(Expr e) {
        return e instanceof AnswerList || e instanceof SetLit;
    }

    private static boolean isOrdered(Expr e) {
        return e instanceof Bracketed || e instanceof Matrix;
    }

    private Match compareCollections(Expr a, Expr b) {
        if (isUnordered(a) && isUnordered(b)) {
            List<Expr> ia = items(a);
            List<Expr> ib = items(b);
            if (a instanceof SetLit || b instanceof SetLit) {
                ia = distinct(ia);
                ib = distinct(ib);
            }
            return matchUnordered(ia, ib);
        }
        Expr list = isUnordered(a) ? a : b;
        Expr other = list == a ? b : a;
        if (list instanceof SetLit s && s.items().size() == 1) {
            return list == a ? compare(s.items().getFirst(), other) : compare(other, s.items().getFirst());
        }
        if (list instanceof AnswerList && isOrdered(other)) {
            return compareOrdered(a, b);
        }
        return Match.no("a list of " + items(list).size() + " answers against a single answer");
    }

    private static List<Expr> items(Expr e) {
        return e instanceof AnswerList l ? l.items() : ((SetLit) e).items();
    }

    private List<Expr> distinct(List<Expr> items) {
        List<Expr> out = new ArrayList<>();
        for (Expr item : items) {
            if (out.stream().noneMatch(o -> compare(o, item).equal())) {
                out.add(item);
            }
        }
        return out;
    }

    private Match matchUnordered(List<Expr> a, List<Expr> b) {
        if (a.size() != b.size()) {
            return Match.no(a.size() + " answers against " + b.size());
        }
        if (a.size() > MAX_ITEMS) {
            return Match.UNDECIDED;
        }
        boolean[] used = new boolean[b.size()];
        for (Expr x : a) {
            int found = -1;
            for (int j = 0; j < b.size() && found < 0; j++) {
                if (!used[j] && compare(x, b.get(j)).equal()) {
                    found = j;
                }
            }
            if (found < 0) {
                return Match.no("no match for an item in the other list");
            }
            used[found] = true;
        }
        return Match.yes("same items in any order");
    }

    private Match compareOrdered(Expr a, Expr b) {
        if (a instanceof Bracketed ba && b instanceof Bracketed bb && !sameBrackets(ba, bb)) {
            return Match.no("different brackets " + ba.open() + ba.close() + " and " + bb.open() + bb.close());
        }
        if (a instanceof Matrix ma && b instanceof Matrix mb) {
            if (ma.rows().size() != mb.rows().size() || ma.rows().getFirst().size() != mb.rows().getFirst().size()) {
                return Match.no("matrices of different shapes");
            }
        }
        List<Expr> ia = orderedItems(a);
        List<Expr> ib = orderedItems(b);
        if (ia == null || ib == null || ia.size() != ib.size()) {
            return Match.no("tuples of different lengths");
        }
        for (int i = 0; i < ia.size(); i++) {
            Match m = compare(ia.get(i), ib.get(i));
            if (!m.equal()) {
                return m.undecided() ? m : Match.no("differ at position " + (i + 1) + ": " + m.reason());
            }
        }
        return Match.yes("same items in the same order");
    }

    private static boolean sameBrackets(Bracketed a, Bracketed b) {
        return roundish(a.open()) == roundish(b.open()) && roundish(a.close()) == roundish(b.close());
    }

    /** ⟨1, 2⟩ and (1, 2) are the same vector. */
    private static char roundish(char c) {
        return switch (c) {
            case '<' -> '(';
            case '>' -> ')';
            default -> c;
        };
    }

    /** Items of a tuple, list, or a matrix read row by row; null for a matrix that is not a vector when needed. */
    private static List<Expr> orderedItems(Expr e) {
        return switch (e) {
            case Bracketed b -> b.items();
            case AnswerList l -> l.items();
            case Matrix m -> m.rows().stream().flatMap(List::stream).toList();
            default -> null;
        };
    }

    // ---- numbers in disguise -----------------------------------------------------------------------------------

    private Match comparePercent(Expr a, Expr b) {
        if (a instanceof Percent pa && b instanceof Percent pb) {
            return compare(pa.value(), pb.value());
        }
        boolean goldHasPercent = a instanceof Percent;
        Expr value = goldHasPercent ? ((Percent) a).value() : ((Percent) b).value();
        Expr other = goldHasPercent ? b : a;
        List<Expr> readings = switch (percentPolicy) {
            case DROP_SIGN -> List.of(value);
            case AS_FRACTION -> List.of(hundredth(value));
            case EITHER -> List.of(value, hundredth(value));
        };
        Match last = Match.no("percent");
        for (Expr reading : readings) {
            last = goldHasPercent ? compare(reading, other) : compare(other, reading);
            if (last.equal()) {
                return Match.yes("percent read as " + (reading == value ? "the number" : "a fraction") + ": " + last.reason());
            }
        }
        return last;
    }

    private static Expr hundredth(Expr value) {
        return new Expr.Mul(List.of(value, Expr.reciprocal(Expr.integer(100))));
    }

    private Match compareBaseNumbers(Expr a, Expr b) {
        String da = digitsOf(a);
        String db = digitsOf(b);
        if (a instanceof BaseNumber x && b instanceof BaseNumber y && x.base() != y.base()) {
            return Match.no("different bases");
        }
        if (da == null || db == null) {
            return Match.no("a number in another base against something else");
        }
        return da.equals(db) ? Match.yes("same digits") : Match.no("different digits");
    }

    private static String digitsOf(Expr e) {
        return switch (e) {
            case BaseNumber b -> stripZeros(b.digits());
            case Num n when n.value().isInteger() && !n.approximate() && n.value().signum() >= 0 ->
                    stripZeros(n.value().num().toString());
            default -> null;
        };
    }

    private static String stripZeros(String digits) {
        return digits.toUpperCase(Locale.ROOT).replaceFirst("^0+(?=.)", "");
    }

    private static boolean isScalar(Expr e) {
        return !ExprTrees.contains(e, x -> !(x instanceof Num || x instanceof Sym || x instanceof Expr.Const
                || x instanceof Expr.Add || x instanceof Expr.Mul || x instanceof Expr.Pow || x instanceof Expr.Func
                || x instanceof Percent));
    }
}
