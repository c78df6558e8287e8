package dev.reason4j.testbed.world;

import dev.reason4j.core.grading.expr.BigRational;
import java.math.BigInteger;

/**
 * Checking one step by its inverse: a sum by subtracting back, a product by dividing, a division with remainder by
 * multiplying out. Gives the Python assertion and the written sentence of the same check.
 */
final class StepCheck {

    private StepCheck() {}

    /** A Python condition that holds when the step is right: {@code total - bought == 45}. */
    static String python(Step step) {
        String v = step.variable();
        String a = step.left().python();
        String b = step.right().python();
        return switch (step.op()) {
            case ADD -> v + " - " + b + " == " + a;
            case SUBTRACT -> v + " + " + b + " == " + a;
            case MULTIPLY -> "Fraction(" + v + ", " + b + ") == " + a; // operands are never 0: stories keep values positive
            case DIVIDE, FRACTION -> v + " * " + b + " == " + a;
            case FLOOR_DIVIDE -> v + " * " + b + " <= " + a + " < (" + v + " + 1) * " + b;
            case REMAINDER -> "(" + a + " - " + v + ") % " + b + " == 0 and " + v + " < " + b;
        };
    }

    /** The same check in words: "81 - 36 = 45". */
    static String text(Step step) {
        BigRational v = step.value();
        BigRational a = step.left().value();
        BigRational b = step.right().value();
        return switch (step.op()) {
            case ADD -> Op.SUBTRACT.equation(v, b, a);
            case SUBTRACT -> Op.ADD.equation(v, b, a);
            case MULTIPLY -> Op.FRACTION.equation(v, b, a);
            case DIVIDE, FRACTION -> Op.MULTIPLY.equation(v, b, a);
            case FLOOR_DIVIDE -> {
                BigRational product = v.multiply(b);
                yield Op.MULTIPLY.equation(v, b, product) + " and " + Op.SUBTRACT.equation(a, product, a.subtract(product))
                        + ", which is less than " + Numbers.text(b);
            }
            case REMAINDER -> {
                BigRational rest = a.subtract(v);
                BigInteger quotient = rest.num().divide(b.num());
                yield Op.SUBTRACT.equation(a, v, rest) + ", which is " + Numbers.text(b) + " * " + quotient + ", and "
                        + Numbers.text(v) + " is less than " + Numbers.text(b);
            }
        };
    }
}
