package dev.reason4j.testbed.world;

import dev.reason4j.core.grading.expr.BigRational;

/**
 * A step done with the wrong operation, as an overthinking solution first does it before correcting itself.
 *
 * @param step the step
 * @param op the operation used by mistake ({@link Op#confusedWith()})
 * @param value what the mistake gives
 */
record WrongStep(Step step, Op op, BigRational value) {

    /** The wrong version of {@code step}, or null when the confused operation is undefined or happens to agree. */
    static WrongStep of(Step step) {
        Op wrong = step.op().confusedWith();
        BigRational a = step.left().value();
        BigRational b = step.right().value();
        if (!wrong.defined(a, b)) {
            return null;
        }
        BigRational value = wrong.apply(a, b);
        return value.equals(step.value()) ? null : new WrongStep(step, wrong, value);
    }

    String python() {
        return step.variable() + " = " + op.python(step.left().python(), step.right().python());
    }

    String sentence() {
        String unit = step.unit().isEmpty() ? "" : " " + step.unit();
        return step.lead() + " " + op.equation(step.left().value(), step.right().value(), value) + unit + ".";
    }

    /** Why the step is redone, for code comments and written corrections alike. */
    String reason() {
        return "this step needs " + step.op().noun() + ", not " + op.noun();
    }
}
