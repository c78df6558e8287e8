package dev.reason4j.app.serve;

/**
 * A request the server answers with an error status and an OpenAI-style error body
 * {@code {"error": {"message", "type", "param", "code"}}} (vLLM writes the HTTP status as {@code code}).
 */
final class ApiError extends RuntimeException {

    private final int status;
    private final String param;

    ApiError(int status, String message, String param) {
        super(message, null, false, false);
        this.status = status;
        this.param = param;
    }

    static ApiError badRequest(String message) {
        return new ApiError(400, message, null);
    }

    static ApiError badRequest(String param, String message) {
        return new ApiError(400, message, param);
    }

    static ApiError unauthorized() {
        return new ApiError(401, "Missing or invalid API key: send 'Authorization: Bearer <key>'.", null);
    }

    static ApiError notFound(String message) {
        return new ApiError(404, message, null);
    }

    static ApiError tooLarge(long limit) {
        return new ApiError(413, "Request body is larger than this server's limit of " + limit + " bytes.", null);
    }

    static ApiError unavailable(String message) {
        return new ApiError(503, message, null);
    }

    int status() {
        return status;
    }

    /** The request field at fault, or {@code null}. */
    String param() {
        return param;
    }

    /** The {@code type} vLLM uses for this status. */
    String type() {
        return switch (status) {
            case 400 -> "BadRequestError";
            case 401 -> "AuthenticationError";
            case 404 -> "NotFoundError";
            case 413 -> "RequestTooLargeError";
            case 503 -> "ServiceUnavailableError";
            default -> status >= 500 ? "InternalServerError" : "BadRequestError";
        };
    }
}
