package dev.reason4j.exec;

import java.util.Locale;

/** How a call ended. A step fails when its status is not {@link #OK}; the output text is never searched. */
public enum ExecStatus {
    /** The code ran to its end. */
    OK,
    /** The code raised an exception (including a sandbox refusal, {@code SystemExit}, a syntax error). */
    ERROR,
    /** The wall-clock or CPU-time limit was reached and the call was killed. */
    TIMEOUT,
    /** The call died for another reason: a signal (e.g. a segfault), an early exit, a crashed worker. */
    KILLED;

    /** The lower-case name used in JSON ({@code ok}, {@code error}, {@code timeout}, {@code killed}). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a {@link #wireName()}. */
    public static ExecStatus fromWireName(String name) {
        for (ExecStatus status : values()) {
            if (status.wireName().equals(name)) {
                return status;
            }
        }
        throw new IllegalArgumentException("status must be one of ok, error, timeout, killed, got '" + name + "'");
    }
}
