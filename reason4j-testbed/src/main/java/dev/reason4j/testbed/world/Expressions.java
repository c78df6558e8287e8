package dev.reason4j.testbed.world;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A value written as one expression of the given numbers, in Python ({@code 45 + 3 * 12 - 7}) or in writing, with
 * only the parentheses precedence needs. Used by the verification round that recomputes the answer in one go.
 */
final class Expressions {

    private record Printed(String text, int precedence) {}

    private final Map<String, Step> byVariable = new HashMap<>();

    Expressions(List<Step> steps) {
        steps.forEach(s -> byVariable.put(s.variable(), s));
    }

    String python(Ref ref) {
        return print(ref, true).text();
    }

    String text(Ref ref) {
        return print(ref, false).text();
    }

    private Printed print(Ref ref, boolean python) {
        if (ref.given()) {
            return new Printed(ref.python(), Op.CALL);
        }
        Step step = byVariable.get(ref.variable());
        Op op = step.op();
        Printed left = print(step.left(), python);
        Printed right = print(step.right(), python);
        if (python) {
            int inner = op == Op.FRACTION ? 0 : op.pythonPrecedence(); // call arguments need no parentheses
            return new Printed(op.python(wrapLeft(left, inner), wrapRight(right, inner, op)), op.pythonPrecedence());
        }
        int inner = op == Op.FLOOR_DIVIDE ? Op.DIVIDE.textPrecedence() : op.textPrecedence();
        return new Printed(op.text(wrapLeft(left, inner), wrapRight(right, inner, op)), op.textPrecedence());
    }

    private static String wrapLeft(Printed operand, int precedence) {
        return operand.precedence() < precedence ? "(" + operand.text() + ")" : operand.text();
    }

    /**
     * A right operand of equal precedence keeps its parentheses, except in a sum: {@code a - (b - c)},
     * {@code a * (b % c)} and {@code a * (b // c)} differ from their unbracketed forms.
     */
    private static String wrapRight(Printed operand, int precedence, Op op) {
        boolean needs = operand.precedence() < precedence || operand.precedence() == precedence && op != Op.ADD;
        return needs ? "(" + operand.text() + ")" : operand.text();
    }
}
