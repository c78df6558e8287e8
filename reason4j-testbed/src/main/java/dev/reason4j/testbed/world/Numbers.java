package dev.reason4j.testbed.world;

import dev.reason4j.core.grading.expr.BigRational;

/** How exact values are written: in text and by Python's {@code print} alike ({@code 74}, {@code 15/4}), and in LaTeX. */
public final class Numbers {

    private Numbers() {}

    /** {@code 74}, {@code 15/4}, {@code -3}: also exactly what Python prints for an int or a {@code Fraction}. */
    public static String text(BigRational value) {
        return value.toString();
    }

    /** As {@link #text}, with a fraction in parentheses so it reads as one operand: {@code (15/4) * 2}. */
    static String operand(BigRational value) {
        return value.isInteger() && value.signum() >= 0 ? text(value) : "(" + text(value) + ")";
    }

    /** A Python literal for the value: {@code 74}, or {@code Fraction(15, 4)}. */
    static String python(BigRational value) {
        return value.isInteger() ? text(value) : "Fraction(" + value.num() + ", " + value.den() + ")";
    }

    /** The gold-answer form: {@code 74}, {@code \frac{15}{4}}, {@code -\frac{15}{4}}. */
    public static String latex(BigRational value) {
        if (value.isInteger()) {
            return text(value);
        }
        String sign = value.signum() < 0 ? "-" : "";
        return sign + "\\frac{" + value.num().abs() + "}{" + value.den() + "}";
    }
}
