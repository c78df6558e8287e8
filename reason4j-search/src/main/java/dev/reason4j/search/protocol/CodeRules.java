package dev.reason4j.search.protocol;

import dev.reason4j.exec.ExecResult;
import java.util.Locale;

/**
 * How executed steps are judged and what a failure does to the trajectory.
 *
 * <p>Defaults drop failing steps: a step whose code fails ends its branch at once
 * ({@link dev.reason4j.search.TerminalReason#TOO_MANY_CODE_ERRORS}), and its code never enters the state later
 * steps run on. rStar-Math's reference behaviour is available as options: a larger {@code maxConsecutiveErrors}
 * (its {@code errors_threshold}) keeps failing steps in the tree so the model may repair them, and
 * {@code keepFailedCode} reproduces its cumulative re-execution, where a failed step's code stays in the program
 * (so every later step of the branch re-raises the same error). {@code errorSubstringFails} reproduces its test
 * for failure, the substring "error" in the output; by default only {@link ExecResult#status()} decides.
 *
 * @param maxConsecutiveErrors failing steps in a row that end a branch, {@code >= 1}
 * @param keepFailedCode keep a failed step's code in the program later steps run after
 * @param errorSubstringFails also count a step as failed when its output contains "error" (any case)
 */
public record CodeRules(int maxConsecutiveErrors, boolean keepFailedCode, boolean errorSubstringFails) {

    public CodeRules {
        if (maxConsecutiveErrors < 1) {
            throw new IllegalArgumentException("maxConsecutiveErrors must be >= 1, was " + maxConsecutiveErrors);
        }
    }

    /** Failing steps end their branch; only the execution status decides failure. */
    public static CodeRules defaults() {
        return new CodeRules(1, false, false);
    }

    /** Whether an executed step failed. */
    public boolean failed(ExecResult result) {
        return !result.ok() || errorSubstringFails && result.stdout().toLowerCase(Locale.ROOT).contains("error");
    }
}
