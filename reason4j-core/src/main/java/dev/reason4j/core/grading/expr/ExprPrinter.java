package dev.reason4j.core.grading.expr;

import dev.reason4j.core.grading.expr.Expr.Add;
import dev.reason4j.core.grading.expr.Expr.AnswerList;
import dev.reason4j.core.grading.expr.Expr.BaseNumber;
import dev.reason4j.core.grading.expr.Expr.Bracketed;
import dev.reason4j.core.grading.expr.Expr.Choice;
import dev.reason4j.core.grading.expr.Expr.Const;
import dev.reason4j.core.grading.expr.Expr.Func;
import dev.reason4j.core.grading.expr.Expr.Matrix;
import dev.reason4j.core.grading.expr.Expr.Mul;
import dev.reason4j.core.grading.expr.Expr.Num;
import dev.reason4j.core.grading.expr.Expr.Percent;
import dev.reason4j.core.grading.expr.Expr.PlusMinus;
import dev.reason4j.core.grading.expr.Expr.Pow;
import dev.reason4j.core.grading.expr.Expr.Relation;
import dev.reason4j.core.grading.expr.Expr.SetBuilder;
import dev.reason4j.core.grading.expr.Expr.SetLit;
import dev.reason4j.core.grading.expr.Expr.Sym;
import dev.reason4j.core.grading.expr.Expr.Text;
import dev.reason4j.core.grading.expr.Expr.Union;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

/** Prints an {@link Expr} as plain, unambiguous math ({@code sqrt(2)/2}, {@code [1, 2)}, {@code x = 3}) for reports. */
public final class ExprPrinter {

    private ExprPrinter() {}

    public static String print(Expr e) {
        return switch (e) {
            case Num n -> number(n);
            case Sym s -> s.name();
            case Const c -> switch (c.kind()) {
                case PI -> "pi";
                case E -> "e";
                case I -> "i";
                case INFINITY -> "oo";
            };
            case Add a -> sum(a);
            case Mul m -> product(m);
            case Pow p -> atom(p.base()) + "^" + atom(p.exponent());
            case Func f -> f.name() + "(" + join(f.args(), ", ") + ")";
            case PlusMinus pm -> (pm.left() == null ? "" : print(pm.left()) + " ") + "± " + atom(pm.right());
            case Percent p -> atom(p.value()) + "%";
            case BaseNumber b -> b.digits() + "_" + b.base();
            case Relation r -> relation(r);
            case Bracketed b -> b.open() + join(b.items(), ", ") + b.close();
            case SetLit s -> "{" + join(s.items(), ", ") + "}";
            case SetBuilder sb -> "{" + print(sb.variable()) + " | " + print(sb.condition()) + "}";
            case Union u -> join(u.parts(), " ∪ ");
            case Matrix m -> m.rows().stream().map(r -> "[" + join(r, ", ") + "]")
                    .collect(Collectors.joining(", ", "[", "]"));
            case AnswerList l -> join(l.items(), ", ");
            case Choice c -> "(" + c.letter() + ")";
            case Text t -> "\"" + t.text() + "\"";
        };
    }

    private static String number(Num n) {
        BigRational v = n.value();
        if (n.decimals() > 0) {
            try {
                return new BigDecimal(v.num()).divide(new BigDecimal(v.den())).setScale(n.decimals()).toPlainString();
            } catch (ArithmeticException nonTerminating) {
                return v.toString();
            }
        }
        return v.toString();
    }

    private static String sum(Add a) {
        StringBuilder out = new StringBuilder(print(a.terms().getFirst()));
        for (Expr t : a.terms().subList(1, a.terms().size())) {
            String s = print(t);
            out.append(s.startsWith("-") ? " - " + s.substring(1) : " + " + s);
        }
        return out.toString();
    }

    private static String product(Mul m) {
        StringBuilder num = new StringBuilder();
        StringBuilder den = new StringBuilder();
        for (Expr f : m.factors()) {
            if (f instanceof Pow p && p.exponent() instanceof Num n && n.value().equals(BigRational.ONE.negate())) {
                den.append(den.isEmpty() ? "" : "*").append(atom(p.base()));
            } else if (f instanceof Num n && n.value().equals(BigRational.ONE.negate()) && num.isEmpty()) {
                num.append("-");
            } else {
                num.append(num.isEmpty() || num.toString().equals("-") ? "" : "*").append(atom(f));
            }
        }
        String top = num.isEmpty() || num.toString().equals("-") ? num + "1" : num.toString();
        return den.isEmpty() ? top : top + "/" + (den.indexOf("*") >= 0 ? "(" + den + ")" : den);
    }

    private static String relation(Relation r) {
        StringBuilder out = new StringBuilder(print(r.operands().getFirst()));
        for (int i = 0; i < r.ops().size(); i++) {
            out.append(' ').append(r.ops().get(i).symbol()).append(' ').append(print(r.operands().get(i + 1)));
        }
        return out.toString();
    }

    private static String atom(Expr e) {
        String s = print(e);
        boolean simple = e instanceof Sym || e instanceof Const || e instanceof Func
                || (e instanceof Num n && n.value().isInteger() && n.value().signum() >= 0);
        return simple ? s : "(" + s + ")";
    }

    private static String join(List<Expr> items, String sep) {
        return items.stream().map(ExprPrinter::print).collect(Collectors.joining(sep));
    }
}
