package dev.reason4j.core.grading.expr;

import dev.reason4j.core.grading.expr.Expr.Add;
import dev.reason4j.core.grading.expr.Expr.Func;
import dev.reason4j.core.grading.expr.Expr.Mul;
import dev.reason4j.core.grading.expr.Expr.Num;
import dev.reason4j.core.grading.expr.Expr.Percent;
import dev.reason4j.core.grading.expr.Expr.Pow;
import dev.reason4j.core.grading.expr.Expr.Sym;
import java.math.BigInteger;
import java.util.Map;

/**
 * Evaluates an expression to an exact rational, or answers {@code null} when the value is not a rational this
 * evaluator can prove (π, an irrational root, an unknown function, a result too large to hold).
 *
 * <p>Exactness is what lets the grader tell 120006 from 120000 and compare {@code 2^{4950}} digit for digit.
 */
public final class ExactEvaluator {

    private static final int MAX_FACTORIAL = 3000;

    private final Map<String, BigRational> variables;
    private final Deadline deadline;

    public ExactEvaluator(Map<String, BigRational> variables, Deadline deadline) {
        this.variables = variables;
        this.deadline = deadline;
    }

    public BigRational eval(Expr e) {
        deadline.check();
        try {
            return switch (e) {
                case Num n -> n.value();
                case Sym s -> variables.get(s.name());
                case Add a -> sum(a);
                case Mul m -> product(m);
                case Pow p -> power(p);
                case Func f -> function(f);
                case Percent p -> {
                    BigRational v = eval(p.value());
                    yield v == null ? null : v.divide(BigRational.of(100));
                }
                default -> null;
            };
        } catch (ArithmeticException tooLargeOrUndefined) {
            return null;
        }
    }

    private BigRational sum(Add a) {
        BigRational total = BigRational.ZERO;
        for (Expr t : a.terms()) {
            BigRational v = eval(t);
            if (v == null) {
                return null;
            }
            total = total.add(v);
        }
        return total;
    }

    private BigRational product(Mul m) {
        BigRational total = BigRational.ONE;
        for (Expr f : m.factors()) {
            BigRational v = eval(f);
            if (v == null) {
                return null;
            }
            total = total.multiply(v);
        }
        return total;
    }

    private BigRational power(Pow p) {
        BigRational base = eval(p.base());
        BigRational exponent = eval(p.exponent());
        if (base == null || exponent == null) {
            return null;
        }
        if (exponent.isInteger()) {
            return base.pow(exponent.num());
        }
        if (exponent.den().bitLength() > 16) {
            return null;
        }
        BigRational root = base.rootExact(exponent.den().intValue());
        return root == null ? null : root.pow(exponent.num());
    }

    private BigRational function(Func f) {
        BigRational x = eval(f.args().getLast());
        if (x == null) {
            return null;
        }
        return switch (f.name()) {
            case "sqrt" -> x.sqrtExact();
            case "root" -> {
                BigRational index = eval(f.args().getFirst());
                yield index != null && index.isInteger() && index.num().bitLength() < 16
                        ? x.rootExact(index.num().intValue())
                        : null;
            }
            case "abs" -> x.abs();
            case "floor" -> BigRational.of(floor(x));
            case "ceil" -> BigRational.of(floor(x.negate()).negate());
            case "factorial" -> factorial(x);
            case "binom" -> binomial(eval(f.args().getFirst()), x);
            default -> null;
        };
    }

    private static BigInteger floor(BigRational x) {
        BigInteger[] qr = x.num().divideAndRemainder(x.den());
        return qr[1].signum() < 0 ? qr[0].subtract(BigInteger.ONE) : qr[0];
    }

    private BigRational factorial(BigRational x) {
        if (!x.isInteger() || x.signum() < 0 || x.num().compareTo(BigInteger.valueOf(MAX_FACTORIAL)) > 0) {
            return null;
        }
        BigInteger r = BigInteger.ONE;
        for (int k = 2; k <= x.num().intValue(); k++) {
            deadline.check();
            r = r.multiply(BigInteger.valueOf(k));
        }
        return BigRational.of(r);
    }

    private BigRational binomial(BigRational n, BigRational k) {
        if (n == null || !n.isInteger() || !k.isInteger() || n.signum() < 0
                || n.num().compareTo(BigInteger.valueOf(MAX_FACTORIAL)) > 0) {
            return null;
        }
        int nn = n.num().intValue();
        int kk = k.num().intValue();
        if (kk < 0 || kk > nn) {
            return BigRational.ZERO;
        }
        BigInteger r = BigInteger.ONE;
        for (int j = 1; j <= Math.min(kk, nn - kk); j++) {
            deadline.check();
            r = r.multiply(BigInteger.valueOf(nn - j + 1)).divide(BigInteger.valueOf(j));
        }
        return BigRational.of(r);
    }
}
