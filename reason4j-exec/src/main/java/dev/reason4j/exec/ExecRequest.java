package dev.reason4j.exec;

import java.util.Objects;

/**
 * One call: run {@code code} in the state left by {@code prefix}.
 *
 * @param prefix earlier steps of the trajectory ({@link CodePrefix#EMPTY} for a standalone snippet)
 * @param code the step's Python source
 * @param limits limits for this call (not looser than the pool's)
 * @param keepState keep the state after this step so {@code prefix.then(code)} can be extended without
 *     re-running; the worker keeps a bounded number of such snapshots (least recently used are dropped)
 */
public record ExecRequest(CodePrefix prefix, String code, ExecLimits limits, boolean keepState) {

    /** Largest accepted step, in characters. */
    public static final int MAX_CODE_CHARS = 1_000_000;

    public ExecRequest {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(limits, "limits");
        if (code.length() > MAX_CODE_CHARS) {
            throw new IllegalArgumentException(
                    "code must be at most " + MAX_CODE_CHARS + " characters, got " + code.length());
        }
    }

    /** A standalone snippet; no state is kept. */
    public static ExecRequest snippet(String code, ExecLimits limits) {
        return new ExecRequest(CodePrefix.EMPTY, code, limits, false);
    }

    /** A trajectory step whose resulting state is kept for the next step. */
    public static ExecRequest step(CodePrefix prefix, String code, ExecLimits limits) {
        return new ExecRequest(prefix, code, limits, true);
    }
}
