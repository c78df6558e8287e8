package dev.reason4j.exec;

import java.util.Objects;

/**
 * Why a call did not end with {@link ExecStatus#OK}.
 *
 * @param type exception class name ({@code ZeroDivisionError}, {@code PermissionError}) or, for calls that were
 *     stopped, {@code Timeout}, {@code CpuTimeLimit}, {@code SIGSEGV}, {@code WorkerCrashed}, ...
 * @param message the exception's message; sandbox refusals start with {@code "sandbox: "}
 * @param line 1-based line in the step's own code where the error was raised, or 0 when it has none
 */
public record ExecError(String type, String message, int line) {
    public ExecError {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(message, "message");
        if (type.isBlank()) {
            throw new IllegalArgumentException("type must not be blank");
        }
        if (line < 0) {
            throw new IllegalArgumentException("line must be >= 0, got " + line);
        }
    }
}
