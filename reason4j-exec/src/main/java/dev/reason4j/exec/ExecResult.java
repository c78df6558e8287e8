package dev.reason4j.exec;

import java.time.Duration;
import java.util.Objects;

/**
 * The outcome of one call.
 *
 * @param status how the call ended; decide success from this, never from the text of {@code stdout}
 * @param stdout what the step printed (for a trajectory step: only this step's output, as in rStar-Math's
 *     cumulative re-execution), cut to the output limit keeping head and tail
 * @param error present exactly when {@code status} is not {@link ExecStatus#OK}
 * @param truncated whether characters were left out of {@code stdout}
 * @param elapsed wall-clock time of the call inside the worker
 * @param fromSnapshot whether the call started from the kept state of its prefix instead of re-running it
 * @param replayedSteps how many prefix steps were re-run because no kept state was available
 */
public record ExecResult(
        ExecStatus status,
        String stdout,
        ExecError error,
        boolean truncated,
        Duration elapsed,
        boolean fromSnapshot,
        int replayedSteps) {

    public ExecResult {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(stdout, "stdout");
        Objects.requireNonNull(elapsed, "elapsed");
        if ((status == ExecStatus.OK) != (error == null)) {
            throw new IllegalArgumentException(
                    "error must be present exactly when status is not ok: status " + status.wireName() + ", error " + error);
        }
        if (replayedSteps < 0) {
            throw new IllegalArgumentException("replayedSteps must be >= 0, got " + replayedSteps);
        }
    }

    /** Whether the code ran to its end. */
    public boolean ok() {
        return status == ExecStatus.OK;
    }
}
