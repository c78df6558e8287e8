package dev.reason4j.core.grading.expr;

/** A complex number in double precision, for evaluating expressions at sample points. */
public record Complex(double re, double im) {

    public static final Complex ZERO = new Complex(0, 0);
    public static final Complex ONE = new Complex(1, 0);
    public static final Complex I = new Complex(0, 1);

    public static Complex real(double re) {
        return new Complex(re, 0);
    }

    public boolean isFinite() {
        return Double.isFinite(re) && Double.isFinite(im);
    }

    public boolean isReal() {
        return im == 0 || Math.abs(im) <= 1e-12 * Math.max(1, Math.abs(re));
    }

    public double abs() {
        return Math.hypot(re, im);
    }

    public Complex add(Complex o) {
        return new Complex(re + o.re, im + o.im);
    }

    public Complex subtract(Complex o) {
        return new Complex(re - o.re, im - o.im);
    }

    public Complex multiply(Complex o) {
        return new Complex(re * o.re - im * o.im, re * o.im + im * o.re);
    }

    public Complex divide(Complex o) {
        double d = o.re * o.re + o.im * o.im;
        return new Complex((re * o.re + im * o.im) / d, (im * o.re - re * o.im) / d);
    }

    public Complex negate() {
        return new Complex(-re, -im);
    }

    public Complex exp() {
        double m = Math.exp(re);
        return im == 0 ? real(m) : new Complex(m * Math.cos(im), m * Math.sin(im));
    }

    /** Principal natural logarithm. */
    public Complex log() {
        return new Complex(Math.log(abs()), Math.atan2(im, re));
    }

    /** Principal square root. */
    public Complex sqrt() {
        if (im == 0) {
            return re >= 0 ? real(Math.sqrt(re)) : new Complex(0, Math.sqrt(-re));
        }
        double m = abs();
        double a = Math.sqrt((m + re) / 2);
        double b = Math.copySign(Math.sqrt((m - re) / 2), im);
        return new Complex(a, b);
    }

    /** This number to an integer power by repeated squaring (exact for small integers, unlike exp/log). */
    public Complex pow(long n) {
        if (n < 0) {
            return ONE.divide(pow(-n));
        }
        Complex result = ONE;
        Complex base = this;
        while (n > 0) {
            if ((n & 1) == 1) {
                result = result.multiply(base);
            }
            base = base.multiply(base);
            n >>= 1;
        }
        return result;
    }

    /** Principal power {@code this^w}. */
    public Complex pow(Complex w) {
        if (w.im == 0 && w.re == Math.rint(w.re) && Math.abs(w.re) <= 1 << 20) {
            return pow((long) w.re);
        }
        if (re == 0 && im == 0) {
            return w.re > 0 ? ZERO : new Complex(Double.NaN, Double.NaN);
        }
        if (im == 0 && re > 0 && w.im == 0) {
            return real(Math.pow(re, w.re));
        }
        return w.multiply(log()).exp();
    }

    public Complex sin() {
        return new Complex(Math.sin(re) * Math.cosh(im), Math.cos(re) * Math.sinh(im));
    }

    public Complex cos() {
        return new Complex(Math.cos(re) * Math.cosh(im), -Math.sin(re) * Math.sinh(im));
    }

    @Override
    public String toString() {
        return im == 0 ? Double.toString(re) : re + (im < 0 ? "" : "+") + im + "i";
    }
}
