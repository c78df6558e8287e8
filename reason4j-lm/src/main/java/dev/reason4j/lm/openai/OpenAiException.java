package dev.reason4j.lm.openai;

import dev.reason4j.lm.LanguageModelException;
import java.net.URI;
import java.util.Objects;

/**
 * An OpenAI-compatible server refused a request or could not be reached. {@link #kind()} says what went wrong and
 * whether trying again can help; {@link #status()} is the HTTP status (0 when no response came back).
 */
public class OpenAiException extends LanguageModelException {

    /** What went wrong, mapped from the HTTP status or the transport failure in one place. */
    public enum Kind {
        /** 400/422 and other 4xx not listed below: the request itself is wrong. */
        BAD_REQUEST(false),
        /** 401: missing or wrong API key. */
        AUTHENTICATION(false),
        /** 403: the key may not use this model or endpoint. */
        PERMISSION(false),
        /** 404: unknown model or endpoint. */
        NOT_FOUND(false),
        /** 413: the request body is larger than the server accepts. */
        TOO_LARGE(false),
        /** 429: rate limited; retried after the server's {@code Retry-After} or a backoff. */
        RATE_LIMITED(true),
        /** 500, 502, 504 and other 5xx. */
        SERVER_ERROR(true),
        /** 503: overloaded or shutting down. */
        UNAVAILABLE(true),
        /** 408 or no answer within the request timeout. */
        TIMEOUT(true),
        /** Connection refused, reset or closed before a response. */
        CONNECTION(true),
        /** A 2xx answer that is not the JSON the API promises. */
        BAD_RESPONSE(false);

        private final boolean retriable;

        Kind(boolean retriable) {
            this.retriable = retriable;
        }

        /** Whether the same request may succeed when sent again (possibly to another endpoint). */
        public boolean retriable() {
            return retriable;
        }
    }

    private final Kind kind;
    private final int status;
    private final URI endpoint;

    public OpenAiException(Kind kind, int status, URI endpoint, String message, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.status = status;
        this.endpoint = endpoint;
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status, or 0 when the server gave no response. */
    public int status() {
        return status;
    }

    /** The base URL the failed attempt went to ({@code null} when none was tried). */
    public URI endpoint() {
        return endpoint;
    }

    public boolean retriable() {
        return kind.retriable();
    }
}
