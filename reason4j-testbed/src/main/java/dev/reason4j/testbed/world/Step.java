package dev.reason4j.testbed.world;

import dev.reason4j.core.grading.expr.BigRational;
import java.util.Objects;

/**
 * One operation of a problem's solution: {@code variable = left op right}, with the words the solutions use for it.
 *
 * <p>A problem is a chain: its first value is given or computed ({@link Role#OPEN}), and each event turns the
 * current value into the next one with an operand that is given or computed on the side ({@link Role#SIDE}).
 * Knowing which operand is the chain lets a solution work backwards from the answer.
 *
 * @param variable the Python variable that holds the result, unique in the problem
 * @param op the operation
 * @param left the left operand
 * @param right the right operand
 * @param value the exact result
 * @param role where the step sits in the chain
 * @param comment what the step does, as the code comment after {@code # Step n:} ("Count the apples in the packs")
 * @param lead the words before the equation in a written solution ("The packs hold")
 * @param unit the words after the result ("apples"); may be empty
 */
public record Step(
        String variable, Op op, Ref left, Ref right, BigRational value, Role role, String comment, String lead, String unit) {

    /** Where a step sits in the problem's chain of values. */
    public enum Role {
        /** Computes an operand for a later chain step. */
        SIDE,
        /** Computes the chain's first value from given numbers. */
        OPEN,
        /** The next chain value, with the current one as left operand. */
        CHAIN_LEFT,
        /** The next chain value, with the current one as right operand ("the goal minus what is saved"). */
        CHAIN_RIGHT
    }

    public Step {
        Objects.requireNonNull(variable, "variable");
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(right, "right");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(comment, "comment");
        Objects.requireNonNull(lead, "lead");
        Objects.requireNonNull(unit, "unit");
    }

    /** The result as an operand of later steps. */
    public Ref result() {
        return new Ref(variable, value);
    }

    /** The step's Python statement, {@code total = apples + bought}. */
    public String python() {
        return variable + " = " + op.python(left.python(), right.python());
    }

    /** The worked equation, {@code 45 + 36 = 81}. */
    public String equation() {
        return op.equation(left.value(), right.value(), value);
    }

    /** The step as a sentence of a written solution: "After the delivery, Mia has 45 + 36 = 81 apples." */
    public String sentence() {
        return lead + " " + equation() + (unit.isEmpty() ? "" : " " + unit) + ".";
    }

    /** The result with its unit: "81 apples". */
    public String resultWithUnit() {
        return Numbers.text(value) + (unit.isEmpty() ? "" : " " + unit);
    }

    /** Whether the step moves the chain forward (as opposed to computing a side operand). */
    public boolean chain() {
        return role != Role.SIDE;
    }
}
