package dev.reason4j.core.grading.expr;

import dev.reason4j.core.grading.expr.Expr.Add;
import dev.reason4j.core.grading.expr.Expr.Const;
import dev.reason4j.core.grading.expr.Expr.Func;
import dev.reason4j.core.grading.expr.Expr.Mul;
import dev.reason4j.core.grading.expr.Expr.Num;
import dev.reason4j.core.grading.expr.Expr.Percent;
import dev.reason4j.core.grading.expr.Expr.Pow;
import dev.reason4j.core.grading.expr.Expr.Sym;
import java.util.Map;

/**
 * Evaluates a scalar expression in complex double precision at given variable values. Results that are not
 * defined (an unknown name, a pole, an unsupported function) come back as NaN, which the comparator skips.
 *
 * <p>Odd roots of negative reals are real ({@code \sqrt[3]{-8} = -2}), as a math answer means them, not the
 * principal complex root.
 */
public final class NumericEvaluator {

    private static final Complex NAN = new Complex(Double.NaN, Double.NaN);

    private final Map<String, Complex> variables;
    private final Deadline deadline;

    public NumericEvaluator(Map<String, Complex> variables, Deadline deadline) {
        this.variables = variables;
        this.deadline = deadline;
    }

    public Complex eval(Expr e) {
        deadline.check();
        return switch (e) {
            case Num n -> Complex.real(n.value().doubleValue());
            case Sym s -> variables.getOrDefault(s.name(), NAN);
            case Const c -> switch (c.kind()) {
                case PI -> Complex.real(Math.PI);
                case E -> Complex.real(Math.E);
                case I -> Complex.I;
                case INFINITY -> Complex.real(Double.POSITIVE_INFINITY);
            };
            case Add a -> {
                Complex total = Complex.ZERO;
                for (Expr t : a.terms()) {
                    total = total.add(eval(t));
                }
                yield total;
            }
            case Mul m -> {
                Complex total = Complex.ONE;
                for (Expr f : m.factors()) {
                    total = total.multiply(eval(f));
                }
                yield total;
            }
            case Pow p -> power(p);
            case Func f -> function(f);
            case Percent p -> eval(p.value()).divide(Complex.real(100));
            default -> NAN;
        };
    }

    private Complex power(Pow p) {
        Complex base = eval(p.base());
        if (p.exponent() instanceof Num n && !n.value().isInteger() && base.isReal() && base.re() < 0) {
            BigRational q = n.value();
            if (q.den().testBit(0) && q.den().bitLength() < 31) { // odd denominator: the real root
                double magnitude = Math.pow(-base.re(), q.doubleValue());
                return Complex.real(q.num().testBit(0) ? -magnitude : magnitude);
            }
        }
        return base.pow(eval(p.exponent()));
    }

    private Complex function(Func f) {
        Complex x = eval(f.args().getLast());
        return switch (f.name()) {
            case "sqrt" -> x.sqrt();
            case "root" -> root(eval(f.args().getFirst()), x);
            case "abs" -> Complex.real(x.abs());
            case "sin" -> x.sin();
            case "cos" -> x.cos();
            case "tan" -> x.sin().divide(x.cos());
            case "sec" -> Complex.ONE.divide(x.cos());
            case "csc" -> Complex.ONE.divide(x.sin());
            case "cot" -> x.cos().divide(x.sin());
            case "exp" -> x.exp();
            case "ln" -> x.log();
            case "log" -> f.args().size() == 2 ? x.log().divide(eval(f.args().getFirst()).log()) : x.log();
            case "log10" -> x.log().divide(Complex.real(Math.log(10)));
            default -> realFunction(f.name(), f.args().size() == 2 ? eval(f.args().getFirst()) : null, x);
        };
    }

    private static Complex root(Complex index, Complex x) {
        if (!index.isReal()) {
            return NAN;
        }
        double k = index.re();
        if (x.isReal() && x.re() < 0 && k == Math.rint(k) && ((long) k) % 2 != 0) {
            return Complex.real(-Math.pow(-x.re(), 1 / k));
        }
        return x.pow(Complex.real(1 / k));
    }

    /** Functions evaluated on the reals only; complex arguments give NaN. */
    private static Complex realFunction(String name, Complex first, Complex x) {
        if (!x.isReal() || (first != null && !first.isReal())) {
            return NAN;
        }
        double v = x.re();
        double r = switch (name) {
            case "arcsin" -> Math.asin(v);
            case "arccos" -> Math.acos(v);
            case "arctan" -> Math.atan(v);
            case "sinh" -> Math.sinh(v);
            case "cosh" -> Math.cosh(v);
            case "tanh" -> Math.tanh(v);
            case "floor" -> Math.floor(v);
            case "ceil" -> Math.ceil(v);
            case "factorial" -> v == Math.rint(v) && v >= 0 && v <= 170 ? factorial((int) v) : Double.NaN;
            case "binom" -> binomial(first.re(), v);
            default -> Double.NaN;
        };
        return Complex.real(r);
    }

    private static double factorial(int n) {
        double r = 1;
        for (int k = 2; k <= n; k++) {
            r *= k;
        }
        return r;
    }

    private static double binomial(double n, double k) {
        if (n != Math.rint(n) || k != Math.rint(k) || n < 0 || n > 170) {
            return Double.NaN;
        }
        return k < 0 || k > n ? 0 : Math.rint(factorial((int) n) / (factorial((int) k) * factorial((int) (n - k))));
    }
}
