package dev.reason4j.core.grading.expr;

import dev.reason4j.core.grading.expr.Expr.Add;
import dev.reason4j.core.grading.expr.Expr.AnswerList;
import dev.reason4j.core.grading.expr.Expr.Bracketed;
import dev.reason4j.core.grading.expr.Expr.Func;
import dev.reason4j.core.grading.expr.Expr.Matrix;
import dev.reason4j.core.grading.expr.Expr.Mul;
import dev.reason4j.core.grading.expr.Expr.Percent;
import dev.reason4j.core.grading.expr.Expr.PlusMinus;
import dev.reason4j.core.grading.expr.Expr.Pow;
import dev.reason4j.core.grading.expr.Expr.Relation;
import dev.reason4j.core.grading.expr.Expr.SetBuilder;
import dev.reason4j.core.grading.expr.Expr.SetLit;
import dev.reason4j.core.grading.expr.Expr.Sym;
import dev.reason4j.core.grading.expr.Expr.Union;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/** Generic walks over {@link Expr} trees: children, rebuilding, searching, and expanding {@code ±}. */
public final class ExprTrees {

    /** At most this many {@code ±} signs are expanded (2^3 variants); more is not a plausible answer. */
    private static final int MAX_PLUS_MINUS = 3;

    private ExprTrees() {}

    public static List<Expr> children(Expr e) {
        return switch (e) {
            case Add a -> a.terms();
            case Mul m -> m.factors();
            case Pow p -> List.of(p.base(), p.exponent());
            case Func f -> f.args();
            case PlusMinus pm -> pm.left() == null ? List.of(pm.right()) : List.of(pm.left(), pm.right());
            case Percent p -> List.of(p.value());
            case Relation r -> r.operands();
            case Bracketed b -> b.items();
            case SetLit s -> s.items();
            case SetBuilder sb -> List.of(sb.variable(), sb.condition());
            case Union u -> u.parts();
            case Matrix m -> m.rows().stream().flatMap(List::stream).toList();
            case AnswerList l -> l.items();
            default -> List.of();
        };
    }

    /** The same node with new children (in the order {@link #children} gives them). */
    public static Expr withChildren(Expr e, List<Expr> c) {
        return switch (e) {
            case Add a -> new Add(c);
            case Mul m -> new Mul(c);
            case Pow p -> new Pow(c.get(0), c.get(1));
            case Func f -> new Func(f.name(), c);
            case PlusMinus pm -> pm.left() == null ? new PlusMinus(null, c.get(0)) : new PlusMinus(c.get(0), c.get(1));
            case Percent p -> new Percent(c.getFirst());
            case Relation r -> new Relation(c, r.ops(), r.texts());
            case Bracketed b -> new Bracketed(b.open(), b.close(), c);
            case SetLit s -> new SetLit(c);
            case SetBuilder sb -> new SetBuilder(c.get(0), c.get(1));
            case Union u -> new Union(c);
            case Matrix m -> {
                List<List<Expr>> rows = new ArrayList<>();
                int width = m.rows().getFirst().size();
                for (int i = 0; i < c.size(); i += width) {
                    rows.add(c.subList(i, i + width));
                }
                yield new Matrix(rows);
            }
            case AnswerList l -> new AnswerList(c);
            default -> e;
        };
    }

    public static boolean contains(Expr e, Predicate<Expr> test) {
        if (test.test(e)) {
            return true;
        }
        for (Expr child : children(e)) {
            if (contains(child, test)) {
                return true;
            }
        }
        return false;
    }

    /** Names of the free variables, sorted. */
    public static Set<String> symbols(Expr e) {
        Set<String> out = new TreeSet<>();
        collectSymbols(e, out);
        return out;
    }

    private static void collectSymbols(Expr e, Set<String> out) {
        if (e instanceof Sym s) {
            out.add(s.name());
        }
        for (Expr child : children(e)) {
            collectSymbols(child, out);
        }
    }

    /** Whether the tree holds a decimal literal with a fractional part (an approximation). */
    public static boolean isApproximate(Expr e) {
        return contains(e, x -> x instanceof Expr.Num n && n.approximate());
    }

    /**
     * All sign choices of the {@code ±} signs in a tree: {@code 3 \pm \sqrt2} gives {@code 3+\sqrt2} and
     * {@code 3-\sqrt2}. A tree without {@code ±} gives itself.
     */
    public static List<Expr> expandPlusMinus(Expr e) {
        List<Expr> out = List.of(e);
        for (int k = 0; k < MAX_PLUS_MINUS; k++) {
            List<Expr> next = new ArrayList<>();
            boolean expanded = false;
            for (Expr x : out) {
                List<Expr> variants = expandFirst(x);
                expanded |= variants.size() > 1;
                next.addAll(variants);
            }
            out = next;
            if (!expanded) {
                break;
            }
        }
        return out;
    }

    private static List<Expr> expandFirst(Expr e) {
        if (e instanceof PlusMinus pm) {
            Expr minus = Expr.negate(pm.right());
            if (pm.left() == null) {
                return List.of(pm.right(), minus);
            }
            return List.of(new Add(List.of(pm.left(), pm.right())), new Add(List.of(pm.left(), minus)));
        }
        List<Expr> kids = children(e);
        for (int i = 0; i < kids.size(); i++) {
            List<Expr> variants = expandFirst(kids.get(i));
            if (variants.size() > 1) {
                List<Expr> out = new ArrayList<>();
                for (Expr v : variants) {
                    List<Expr> copy = new ArrayList<>(kids);
                    copy.set(i, v);
                    out.add(withChildren(e, copy));
                }
                return out;
            }
        }
        return List.of(e);
    }
}
