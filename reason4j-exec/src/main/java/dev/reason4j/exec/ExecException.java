package dev.reason4j.exec;

/** The executor itself failed (no usable python, bubblewrap required but unusable, pool closed). */
public class ExecException extends RuntimeException {
    public ExecException(String message) {
        super(message);
    }

    public ExecException(String message, Throwable cause) {
        super(message, cause);
    }
}
