package dev.reason4j.lm.openai.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reason4j.lm.openai.OpenAiException;
import dev.reason4j.lm.openai.OpenAiException.Kind;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;

/** The one place where HTTP statuses and transport failures become {@link OpenAiException}s. */
public final class ErrorMapper {

    private static final int MAX_BODY_CHARS = 500;

    private ErrorMapper() {}

    public static Kind kindOf(int status) {
        return switch (status) {
            case 401 -> Kind.AUTHENTICATION;
            case 403 -> Kind.PERMISSION;
            case 404 -> Kind.NOT_FOUND;
            case 408 -> Kind.TIMEOUT;
            case 413 -> Kind.TOO_LARGE;
            case 429 -> Kind.RATE_LIMITED;
            case 503 -> Kind.UNAVAILABLE;
            default -> status >= 500 ? Kind.SERVER_ERROR : Kind.BAD_REQUEST;
        };
    }

    /** A non-2xx answer; the server's own error message is kept whichever error layout it uses. */
    public static OpenAiException fromResponse(int status, byte[] body, URI endpoint, String request) {
        String detail = serverMessage(body);
        String message = request + ": HTTP " + status + (detail.isEmpty() ? "" : ": " + detail);
        return new OpenAiException(kindOf(status), status, endpoint, message, null);
    }

    /** No answer: timeout, refused or dropped connection. */
    public static OpenAiException fromTransport(IOException e, URI endpoint, String request) {
        Kind kind = e instanceof HttpTimeoutException && !(e instanceof HttpConnectTimeoutException)
                ? Kind.TIMEOUT
                : Kind.CONNECTION;
        String reason = e instanceof ConnectException ? "connection refused" : e.getClass().getSimpleName();
        String message = request + ": " + (kind == Kind.TIMEOUT ? "no response in time" : reason)
                + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")");
        return new OpenAiException(kind, 0, endpoint, message, e);
    }

    /** A 2xx answer that is not the promised JSON. */
    public static OpenAiException badResponse(String request, URI endpoint, String problem, Throwable cause) {
        return new OpenAiException(Kind.BAD_RESPONSE, 200, endpoint, request + ": unexpected response: " + problem, cause);
    }

    /**
     * The message in {@code {"error": {"message", "type"}}} (OpenAI, vLLM), {@code {"object": "error", "message"}}
     * (older vLLM), {@code {"error": "text"}}, {@code {"detail": ...}} (FastAPI), or the start of a plain body.
     */
    static String serverMessage(byte[] body) {
        if (body == null || body.length == 0) {
            return "";
        }
        String text = new String(body, StandardCharsets.UTF_8).strip();
        try {
            JsonNode root = Wire.MAPPER.readTree(text);
            if (root != null && root.isObject()) {
                JsonNode error = root.has("error") ? root.get("error") : root;
                if (error.isTextual()) {
                    return error.asText();
                }
                if (error.hasNonNull("message")) {
                    String type = error.path("type").asText("");
                    return (type.isEmpty() ? "" : type + ": ") + error.get("message").asText();
                }
                if (root.has("detail")) {
                    return root.get("detail").toString();
                }
            }
        } catch (IOException e) {
            // not JSON: fall through to the raw text
        }
        return text.length() > MAX_BODY_CHARS ? text.substring(0, MAX_BODY_CHARS) + "…" : text;
    }
}
