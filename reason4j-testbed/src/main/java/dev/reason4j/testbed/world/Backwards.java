package dev.reason4j.testbed.world;

import dev.reason4j.core.grading.expr.BigRational;
import java.util.ArrayList;
import java.util.List;

/**
 * Working backwards: undoing the chain's steps from the answer to the value the chain started from, which a
 * verification round then compares with the start. Possible when every chain step has an inverse (sums,
 * differences, products, quotients), not after a division with remainder.
 */
final class Backwards {

    /**
     * One undone step: {@code back = back op other} (or {@code other op back} when {@code backFirst} is false).
     *
     * @param op the inverse operation
     * @param other the step's other operand
     * @param backFirst whether the running value is the left operand
     * @param from the value before undoing
     * @param to the value after undoing
     */
    record Undo(Op op, Ref other, boolean backFirst, BigRational from, BigRational to) {

        String python(String back) {
            return backFirst ? op.python(back, other.python()) : op.python(other.python(), back);
        }

        String equation() {
            return backFirst ? op.equation(from, other.value(), to) : op.equation(other.value(), from, to);
        }
    }

    private Backwards() {}

    /** Whether the chain has at least one step to undo and every such step can be undone. */
    static boolean possible(List<Step> steps) {
        List<Step> links = links(steps);
        return !links.isEmpty() && links.stream().allMatch(s -> inverse(s) != null);
    }

    /** The undone steps, from the answer back to the start; call only where {@link #possible}. */
    static List<Undo> undo(List<Step> steps) {
        List<Step> links = links(steps);
        List<Undo> undone = new ArrayList<>();
        for (int i = links.size() - 1; i >= 0; i--) {
            undone.add(inverse(links.get(i)));
        }
        return undone;
    }

    /** The value the chain started from: the given opening number or the first computed value. */
    static Ref start(List<Step> steps) {
        Step first = links(steps).getFirst();
        return first.role() == Step.Role.CHAIN_LEFT ? first.left() : first.right();
    }

    private static List<Step> links(List<Step> steps) {
        return steps.stream().filter(s -> s.role() == Step.Role.CHAIN_LEFT || s.role() == Step.Role.CHAIN_RIGHT).toList();
    }

    private static Undo inverse(Step step) {
        boolean left = step.role() == Step.Role.CHAIN_LEFT;
        Ref previous = left ? step.left() : step.right();
        Ref other = left ? step.right() : step.left();
        BigRational from = step.value();
        BigRational to = previous.value();
        return switch (step.op()) {
            case ADD -> new Undo(Op.SUBTRACT, other, true, from, to);
            case SUBTRACT -> left ? new Undo(Op.ADD, other, true, from, to) : new Undo(Op.SUBTRACT, other, false, from, to);
            case MULTIPLY -> other.value().signum() == 0 ? null
                    : new Undo(to.isInteger() ? Op.DIVIDE : Op.FRACTION, other, true, from, to);
            case DIVIDE, FRACTION -> left ? new Undo(Op.MULTIPLY, other, true, from, to) : null;
            case FLOOR_DIVIDE, REMAINDER -> null;
        };
    }
}
