package dev.reason4j.lm;

/** A language model could not be loaded or could not serve a request; the message says which file or field. */
public class LanguageModelException extends RuntimeException {

    public LanguageModelException(String message) {
        super(message);
    }

    public LanguageModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
