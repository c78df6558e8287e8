package dev.reason4j.torch;

import dev.reason4j.lm.LanguageModelException;

/** A checkpoint file is missing, corrupt, truncated or inconsistent; the message names the file and the field. */
public class CheckpointException extends LanguageModelException {

    public CheckpointException(String message) {
        super(message);
    }

    public CheckpointException(String message, Throwable cause) {
        super(message, cause);
    }
}
