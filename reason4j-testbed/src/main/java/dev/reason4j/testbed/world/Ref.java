package dev.reason4j.testbed.world;

import dev.reason4j.core.grading.expr.BigRational;
import java.util.Objects;

/**
 * An operand of a step: a number given in the problem ({@code variable} null; always a whole number) or the
 * result of an earlier step, held in a Python variable.
 */
public record Ref(String variable, BigRational value) {

    public Ref {
        Objects.requireNonNull(value, "value");
        if (variable == null && !value.isInteger()) {
            throw new IllegalArgumentException("a given number must be whole, got " + value);
        }
    }

    static Ref given(long number) {
        return new Ref(null, BigRational.of(number));
    }

    /** Whether the number is given in the problem text. */
    public boolean given() {
        return variable == null;
    }

    /** The operand in Python: the variable, or the number itself. */
    public String python() {
        return given() ? Numbers.text(value) : variable;
    }
}
