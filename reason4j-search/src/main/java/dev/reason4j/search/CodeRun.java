package dev.reason4j.search;

import dev.reason4j.exec.ExecStatus;
import java.util.Objects;

/**
 * A step's code and how its run ended.
 *
 * @param code the Python the step ran
 * @param status how the run ended
 * @param failed whether the step counts as failed (the status, and rStar's "error" substring rule when enabled)
 * @param output what the step printed
 * @param error the error as {@code Type: message}, or null when the run ended ok
 * @param fromSnapshot whether the run started from the kept state of the steps before it instead of replaying them
 */
public record CodeRun(String code, ExecStatus status, boolean failed, String output, String error, boolean fromSnapshot) {

    public CodeRun {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(output, "output");
    }
}
