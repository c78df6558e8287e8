package dev.reason4j.core.grading;

import dev.reason4j.core.grading.expr.BigRational;
import dev.reason4j.core.grading.expr.Complex;
import dev.reason4j.core.grading.expr.Deadline;
import dev.reason4j.core.grading.expr.ExactEvaluator;
import dev.reason4j.core.grading.expr.Expr;
import dev.reason4j.core.grading.expr.ExprTrees;
import dev.reason4j.core.grading.expr.NumericEvaluator;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares two scalar expressions: numbers exactly when both are exact, approximations with a tolerance, and
 * expressions with variables by evaluating both at random points (exactly at rational points when both sides
 * are rational functions, in complex double precision otherwise).
 *
 * <p>Tolerance rules:
 * <ul>
 *   <li>two exact values (integers, fractions, {@code \sqrt{8}} vs {@code 2\sqrt2}) must agree exactly, or to
 *       1e-9 relative where only floating point can evaluate them — so {@code 120006 ≠ 120000};</li>
 *   <li>a decimal approximation against a non-integer value agrees within the relative tolerance (default 1e-4:
 *       {@code 0.3333 = 1/3}, {@code 3.1416 = \pi}, but {@code 3.14 ≠ \pi});</li>
 *   <li>a predicted decimal against a gold decimal must be at least as precise and round to it
 *       ({@code 0.33333} answers {@code 0.3333}; {@code 9938.7} does not answer {@code 9938.69}; {@code 1780.25} is not
 *       {@code 1780.24});</li>
 *   <li>a decimal against an integer must agree to 1e-8 relative: float noise such as
 *       {@code 2.9999999999999996} passes, {@code 120006.5} does not.</li>
 * </ul>
 */
final class ScalarComparator {

    private static final double EXACT_FORM_TOLERANCE = 1e-9;
    private static final double INTEGER_TOLERANCE = 1e-8;
    private static final int POINTS = 6;
    private static final int MIN_VALID_POINTS = 3;

    private final double relativeTolerance;
    private final Deadline deadline;
    private final long seed;

    ScalarComparator(double relativeTolerance, Deadline deadline, long seed) {
        this.relativeTolerance = relativeTolerance;
        this.deadline = deadline;
        this.seed = seed;
    }

    Match compare(Expr a, Expr b) {
        Set<String> names = new TreeSet<>(ExprTrees.symbols(a));
        names.addAll(ExprTrees.symbols(b));
        boolean approximate = ExprTrees.isApproximate(a) || ExprTrees.isApproximate(b);
        if (names.isEmpty()) {
            return atPoint(a, b, Map.of(), approximate, "");
        }
        return atRandomPoints(a, b, List.copyOf(names), approximate);
    }

    private Match atRandomPoints(Expr a, Expr b, List<String> names, boolean approximate) {
        Random random = new Random(seed ^ names.hashCode());
        int valid = 0;
        for (int attempt = 0; attempt < 3 * POINTS && valid < POINTS; attempt++) {
            Map<String, BigRational> point = new HashMap<>();
            for (String name : names) {
                point.put(name, BigRational.of(1 + random.nextInt(60), 1 + random.nextInt(11)));
            }
            Match m = atPoint(a, b, point, approximate, " at random points of " + String.join(", ", names));
            if (m.undecided()) {
                continue;
            }
            if (!m.equal()) {
                return Match.no("differ at " + point);
            }
            valid++;
        }
        return valid >= MIN_VALID_POINTS ? Match.yes("agree at " + valid + " random points of " + names) : Match.UNDECIDED;
    }

    private Match atPoint(Expr a, Expr b, Map<String, BigRational> point, boolean approximate, String where) {
        BigRational ea = new ExactEvaluator(point, deadline).eval(a);
        BigRational eb = new ExactEvaluator(point, deadline).eval(b);
        if (ea != null && eb != null) {
            if (ea.equals(eb)) {
                return Match.yes("equal exactly" + where);
            }
            if (!approximate) {
                return Match.no("different exact values " + ea + " and " + eb);
            }
            if (a instanceof Expr.Num na && b instanceof Expr.Num nb && na.approximate() && nb.approximate()
                    && !roundsTo(nb, na)) {
                return Match.no("the predicted decimal does not round to the gold one at its " + na.decimals() + " places");
            }
            boolean integerSide = (ea.isInteger() && !ExprTrees.isApproximate(a))
                    || (eb.isInteger() && !ExprTrees.isApproximate(b));
            double tol = integerSide ? INTEGER_TOLERANCE : relativeTolerance;
            return close(Complex.real(ea.doubleValue()), Complex.real(eb.doubleValue()), tol)
                    ? Match.yes("equal within " + tol + where)
                    : Match.no("differ by more than " + tol + " relative: " + ea.doubleValue() + " vs " + eb.doubleValue());
        }
        Map<String, Complex> numericPoint = new HashMap<>();
        point.forEach((k, v) -> numericPoint.put(k, Complex.real(v.doubleValue())));
        Complex va = new NumericEvaluator(numericPoint, deadline).eval(a);
        Complex vb = new NumericEvaluator(numericPoint, deadline).eval(b);
        if (!va.isFinite() || !vb.isFinite()) {
            // Only a written ∞ is infinite; an overflow (2^{2^{40}}) tells nothing.
            if (isInfinite(va) && va.equals(vb) && mentionsInfinity(a) && mentionsInfinity(b)) {
                return Match.yes("both infinite");
            }
            return Match.UNDECIDED;
        }
        boolean integerSide = (ea != null && ea.isInteger() && !ExprTrees.isApproximate(a))
                || (eb != null && eb.isInteger() && !ExprTrees.isApproximate(b));
        double tol = !approximate ? EXACT_FORM_TOLERANCE : integerSide ? INTEGER_TOLERANCE : relativeTolerance;
        return close(va, vb, tol)
                ? Match.yes("equal within " + tol + where)
                : Match.no("differ: " + va + " vs " + vb + where);
    }

    /**
     * Whether {@code d1 = c·d2} for one constant {@code c ≠ 0} ({@code c > 0} when {@code positiveOnly}), judged at
     * random real points: {@code y = 2x + 1} and {@code 2x + 1 = y} are the same equation, and {@code x - 3 > 0}
     * the same inequality as {@code 2x > 6}.
     */
    Match proportional(Expr d1, Expr d2, boolean positiveOnly) {
        List<String> names = new java.util.ArrayList<>(new TreeSet<>(ExprTrees.symbols(d1)));
        ExprTrees.symbols(d2).stream().filter(n -> !names.contains(n)).forEach(names::add);
        Random random = new Random(seed ^ names.hashCode());
        Complex ratio = null;
        int valid = 0;
        int zeros = 0;
        for (int attempt = 0; attempt < 3 * POINTS && valid < POINTS; attempt++) {
            Map<String, Complex> point = new HashMap<>();
            for (String name : names) {
                point.put(name, Complex.real(0.25 + 2.5 * random.nextDouble()));
            }
            Complex v1 = new NumericEvaluator(point, deadline).eval(d1);
            Complex v2 = new NumericEvaluator(point, deadline).eval(d2);
            if (!v1.isFinite() || !v2.isFinite()) {
                continue;
            }
            valid++;
            boolean zero1 = v1.abs() < 1e-12;
            boolean zero2 = v2.abs() < 1e-12;
            if (zero1 && zero2) {
                zeros++;
                continue;
            }
            if (zero1 != zero2) {
                return Match.no("not proportional: one side vanishes where the other does not");
            }
            Complex r = v1.divide(v2);
            if (ratio == null) {
                ratio = r;
            } else if (!close(ratio, r, EXACT_FORM_TOLERANCE * 100)) {
                return Match.no("not proportional");
            }
        }
        if (valid < MIN_VALID_POINTS) {
            return Match.UNDECIDED;
        }
        if (ratio == null) {
            return zeros == valid ? Match.yes("both identities") : Match.UNDECIDED;
        }
        if (positiveOnly && !(ratio.isReal() && ratio.re() > 0)) {
            return Match.no("proportional with a negative factor: the inequality is reversed");
        }
        return Match.yes("proportional (factor " + ratio + ")");
    }

    /**
     * A written decimal answer stands for its rounding: the prediction must be at least as precise as the gold and
     * round to it ({@code 0.33333} answers {@code 0.3333}, but {@code 9938.7} does not answer {@code 9938.69}, and
     * {@code 1780.25} is not {@code 1780.24}, however small their relative difference).
     */
    private static boolean roundsTo(Expr.Num predicted, Expr.Num gold) {
        if (predicted.decimals() < gold.decimals()) {
            return false;
        }
        BigDecimal g = decimal(gold.value()).setScale(gold.decimals(), RoundingMode.HALF_EVEN);
        BigDecimal p = decimal(predicted.value());
        return p.setScale(gold.decimals(), RoundingMode.HALF_EVEN).compareTo(g) == 0
                || p.setScale(gold.decimals(), RoundingMode.HALF_UP).compareTo(g) == 0;
    }

    private static BigDecimal decimal(BigRational r) {
        return new BigDecimal(r.num()).divide(new BigDecimal(r.den()), MathContext.DECIMAL128);
    }

    private static boolean mentionsInfinity(Expr e) {
        return ExprTrees.contains(e, x -> x instanceof Expr.Const c && c.kind() == Expr.Const.Kind.INFINITY);
    }

    private static boolean isInfinite(Complex c) {
        return Double.isInfinite(c.re()) && c.im() == 0;
    }

    static boolean close(Complex a, Complex b, double relTol) {
        double scale = Math.max(a.abs(), b.abs());
        return a.subtract(b).abs() <= Math.max(relTol * scale, 1e-12);
    }
}
