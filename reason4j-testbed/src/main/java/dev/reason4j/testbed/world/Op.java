package dev.reason4j.testbed.world;

import dev.reason4j.core.grading.expr.BigRational;
import java.math.BigInteger;

/**
 * The arithmetic operations of the world. Each is exactly one operation of a problem's difficulty and one Python
 * operator (or one {@code Fraction(a, b)} call) of its code solution, so values stay exact: Python never sees
 * {@code /} on integers.
 */
public enum Op {
    /** a + b. */
    ADD("+", "addition"),
    /** a - b. */
    SUBTRACT("-", "subtraction"),
    /** a * b. */
    MULTIPLY("*", "multiplication"),
    /** a / b where the quotient is a whole number; Python {@code a // b}. */
    DIVIDE("/", "division"),
    /** a / b as an exact fraction; Python {@code Fraction(a, b)}. */
    FRACTION("/", "division"),
    /** The whole part of a / b for whole a and b, as in "how many full boxes"; Python {@code a // b}. */
    FLOOR_DIVIDE("//", "division with remainder"),
    /** The remainder of a / b for whole a and b; Python {@code a % b}. */
    REMAINDER("mod", "the remainder");

    /** Precedence of a call, which never needs parentheses around it. */
    static final int CALL = 3;

    private final String symbol;
    private final String noun;

    Op(String symbol, String noun) {
        this.symbol = symbol;
        this.noun = noun;
    }

    /** What the operation is called in words ("addition"), for corrections of a wrong step. */
    public String noun() {
        return noun;
    }

    /** Whether {@code a op b} is defined in the world: no division by zero, whole operands where a remainder is taken. */
    public boolean defined(BigRational a, BigRational b) {
        return switch (this) {
            case ADD, SUBTRACT, MULTIPLY -> true;
            case DIVIDE -> b.signum() != 0 && a.divide(b).isInteger();
            case FRACTION -> b.signum() != 0;
            case FLOOR_DIVIDE, REMAINDER -> a.isInteger() && b.isInteger() && a.signum() >= 0 && b.signum() > 0;
        };
    }

    /** The exact result; call only where {@link #defined}. */
    public BigRational apply(BigRational a, BigRational b) {
        return switch (this) {
            case ADD -> a.add(b);
            case SUBTRACT -> a.subtract(b);
            case MULTIPLY -> a.multiply(b);
            case DIVIDE, FRACTION -> a.divide(b);
            case FLOOR_DIVIDE -> BigRational.of(a.num().divide(b.num()));
            case REMAINDER -> BigRational.of(a.num().mod(b.num()));
        };
    }

    /** The Python expression for {@code a op b}, given the operands' Python text. */
    public String python(String a, String b) {
        return switch (this) {
            case ADD -> a + " + " + b;
            case SUBTRACT -> a + " - " + b;
            case MULTIPLY -> a + " * " + b;
            case DIVIDE, FLOOR_DIVIDE -> a + " // " + b;
            case FRACTION -> "Fraction(" + a + ", " + b + ")";
            case REMAINDER -> a + " % " + b;
        };
    }

    /** The written expression for {@code a op b}, as in an inline check ("45 + 3 * 12"). */
    public String text(String a, String b) {
        return switch (this) {
            case FLOOR_DIVIDE -> "floor(" + a + " / " + b + ")";
            default -> a + " " + symbol + " " + b;
        };
    }

    /**
     * The worked equation of a step in a written solution: {@code 45 + 36 = 81}, or for division with remainder
     * {@code 45 / 6 = 7 remainder 3, so 7}.
     */
    public String equation(BigRational a, BigRational b, BigRational result) {
        String left = Numbers.operand(a);
        String right = Numbers.operand(b);
        return switch (this) {
            case FLOOR_DIVIDE, REMAINDER -> {
                BigInteger[] qr = a.num().divideAndRemainder(b.num());
                yield left + " / " + right + " = " + qr[0] + " remainder " + qr[1] + ", so " + Numbers.text(result);
            }
            default -> left + " " + symbol + " " + right + " = " + Numbers.text(result);
        };
    }

    /** Binding strength in Python (higher binds tighter); the {@code Fraction(…)} call needs no parentheses. */
    int pythonPrecedence() {
        return switch (this) {
            case ADD, SUBTRACT -> 1;
            case MULTIPLY, DIVIDE, FLOOR_DIVIDE, REMAINDER -> 2;
            case FRACTION -> CALL;
        };
    }

    /** Binding strength in writing; {@code floor(…)} is a call. */
    int textPrecedence() {
        return switch (this) {
            case ADD, SUBTRACT -> 1;
            case MULTIPLY, DIVIDE, FRACTION, REMAINDER -> 2;
            case FLOOR_DIVIDE -> CALL;
        };
    }

    /** The operation a careless solver uses instead of this one (an overthinking solution's wrong step). */
    public Op confusedWith() {
        return switch (this) {
            case ADD -> SUBTRACT;
            case SUBTRACT, MULTIPLY -> ADD;
            case DIVIDE, FRACTION -> MULTIPLY;
            case FLOOR_DIVIDE -> REMAINDER;
            case REMAINDER -> FLOOR_DIVIDE;
        };
    }
}
