package dev.reason4j.core.grading.expr;

/**
 * A time budget checked cooperatively by the parser, the evaluators and the comparator, so that a pathological
 * answer ends a check with "not equal (time budget exceeded)" instead of hanging the caller.
 */
public final class Deadline {

    private final long deadlineNanos;
    private int calls;

    private Deadline(long deadlineNanos) {
        this.deadlineNanos = deadlineNanos;
    }

    public static Deadline after(long nanos) {
        return new Deadline(System.nanoTime() + nanos);
    }

    public static Deadline none() {
        return new Deadline(Long.MAX_VALUE);
    }

    /** Throws {@link BudgetExceeded} once the budget is spent; cheap enough to call in inner loops. */
    public void check() {
        if ((++calls & 63) == 0 && deadlineNanos != Long.MAX_VALUE && System.nanoTime() - deadlineNanos > 0) {
            throw new BudgetExceeded();
        }
    }

    /** Thrown when a check runs out of its time budget. */
    public static final class BudgetExceeded extends RuntimeException {
        public BudgetExceeded() {
            super("time budget exceeded", null, false, false);
        }
    }
}
