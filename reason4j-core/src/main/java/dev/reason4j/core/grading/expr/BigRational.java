package dev.reason4j.core.grading.expr;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;

/**
 * An exact rational number in lowest terms with a positive denominator.
 *
 * <p>Operations that could produce numbers too large to be useful (huge powers, factorials) are guarded by
 * {@link #MAX_BITS}: they throw {@link ArithmeticException} instead of running for minutes, and the caller falls
 * back to floating-point evaluation.
 */
public record BigRational(BigInteger num, BigInteger den) implements Comparable<BigRational> {

    /** Results larger than this many bits are refused: an answer that big is compared another way. */
    public static final int MAX_BITS = 1 << 16;

    public static final BigRational ZERO = new BigRational(BigInteger.ZERO, BigInteger.ONE);
    public static final BigRational ONE = new BigRational(BigInteger.ONE, BigInteger.ONE);

    public BigRational {
        if (den.signum() == 0) {
            throw new ArithmeticException("division by zero");
        }
        if (den.signum() < 0) {
            num = num.negate();
            den = den.negate();
        }
        BigInteger g = num.gcd(den);
        if (!g.equals(BigInteger.ONE) && g.signum() != 0) {
            num = num.divide(g);
            den = den.divide(g);
        }
        if (num.signum() == 0) {
            den = BigInteger.ONE;
        }
    }

    public static BigRational of(long n) {
        return new BigRational(BigInteger.valueOf(n), BigInteger.ONE);
    }

    public static BigRational of(BigInteger n) {
        return new BigRational(n, BigInteger.ONE);
    }

    public static BigRational of(long num, long den) {
        return new BigRational(BigInteger.valueOf(num), BigInteger.valueOf(den));
    }

    /** Parses a plain decimal literal such as {@code 12}, {@code 0.35}, {@code .5} or {@code 1.2e-3} exactly. */
    public static BigRational parseDecimal(String text) {
        BigDecimal d = new BigDecimal(text);
        if (Math.abs((long) d.scale()) > MAX_BITS / 4) {
            throw new ArithmeticException("decimal exponent too large: " + text);
        }
        if (d.scale() <= 0) {
            return of(d.toBigIntegerExact());
        }
        return new BigRational(d.unscaledValue(), BigInteger.TEN.pow(d.scale()));
    }

    public boolean isInteger() {
        return den.equals(BigInteger.ONE);
    }

    public int signum() {
        return num.signum();
    }

    public BigRational add(BigRational o) {
        return new BigRational(num.multiply(o.den).add(o.num.multiply(den)), den.multiply(o.den));
    }

    public BigRational subtract(BigRational o) {
        return add(o.negate());
    }

    public BigRational multiply(BigRational o) {
        return checked(new BigRational(num.multiply(o.num), den.multiply(o.den)));
    }

    public BigRational divide(BigRational o) {
        if (o.num.signum() == 0) {
            throw new ArithmeticException("division by zero");
        }
        return checked(new BigRational(num.multiply(o.den), den.multiply(o.num)));
    }

    public BigRational negate() {
        return new BigRational(num.negate(), den);
    }

    public BigRational abs() {
        return num.signum() < 0 ? negate() : this;
    }

    /** This number to an integer power; refuses results above {@link #MAX_BITS} bits. */
    public BigRational pow(BigInteger exponent) {
        if (num.signum() == 0) {
            if (exponent.signum() < 0) {
                throw new ArithmeticException("division by zero");
            }
            return exponent.signum() == 0 ? ONE : ZERO;
        }
        if (num.abs().equals(BigInteger.ONE) && den.equals(BigInteger.ONE)) {
            return exponent.testBit(0) ? this : ONE;
        }
        long bits = Math.max(num.bitLength(), den.bitLength());
        if (exponent.bitLength() > 31 || bits * exponent.abs().longValue() > MAX_BITS) {
            throw new ArithmeticException("power too large");
        }
        int e = exponent.intValue();
        BigRational base = e < 0 ? ONE.divide(this) : this;
        int n = Math.abs(e);
        return new BigRational(base.num.pow(n), base.den.pow(n));
    }

    /** The exact square root when this number is the square of a rational, else {@code null}. */
    public BigRational sqrtExact() {
        if (num.signum() < 0) {
            return null;
        }
        BigInteger rn = num.sqrt();
        BigInteger rd = den.sqrt();
        if (rn.multiply(rn).equals(num) && rd.multiply(rd).equals(den)) {
            return new BigRational(rn, rd);
        }
        return null;
    }

    /** The exact k-th root when this number is a perfect k-th power (negative radicands allowed for odd k). */
    public BigRational rootExact(int k) {
        if (k == 2) {
            return sqrtExact();
        }
        if (k < 1 || (num.signum() < 0 && k % 2 == 0)) {
            return null;
        }
        BigInteger rn = integerRoot(num.abs(), k);
        BigInteger rd = integerRoot(den, k);
        if (rn == null || rd == null) {
            return null;
        }
        return new BigRational(num.signum() < 0 ? rn.negate() : rn, rd);
    }

    private static BigInteger integerRoot(BigInteger n, int k) {
        if (n.signum() == 0) {
            return BigInteger.ZERO;
        }
        BigInteger guess = BigDecimal.valueOf(Math.pow(n.doubleValue(), 1.0 / k)).toBigInteger();
        if (Double.isInfinite(n.doubleValue())) {
            return null;
        }
        for (BigInteger c = guess.subtract(BigInteger.ONE).max(BigInteger.ZERO);
                c.compareTo(guess.add(BigInteger.TWO)) <= 0;
                c = c.add(BigInteger.ONE)) {
            if (c.pow(k).equals(n)) {
                return c;
            }
        }
        return null;
    }

    public double doubleValue() {
        double d = num.doubleValue() / den.doubleValue();
        if (Double.isFinite(d) && !(Double.isInfinite(num.doubleValue()) || Double.isInfinite(den.doubleValue()))) {
            return d;
        }
        return new BigDecimal(num).divide(new BigDecimal(den), MathContext.DECIMAL64).doubleValue();
    }

    @Override
    public int compareTo(BigRational o) {
        return num.multiply(o.den).compareTo(o.num.multiply(den));
    }

    private static BigRational checked(BigRational r) {
        if (r.num.bitLength() > MAX_BITS || r.den.bitLength() > MAX_BITS) {
            throw new ArithmeticException("number too large");
        }
        return r;
    }

    @Override
    public String toString() {
        return isInteger() ? num.toString() : num + "/" + den;
    }
}
