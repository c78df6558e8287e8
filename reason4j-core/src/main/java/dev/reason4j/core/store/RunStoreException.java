package dev.reason4j.core.store;

/** A run directory cannot be opened, read or written; the message names the directory or file and the cause. */
public class RunStoreException extends RuntimeException {

    public RunStoreException(String message) {
        super(message);
    }

    public RunStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
