package org.cinegraph.sandbox.http;

import java.util.Arrays;

/**
 * The TMDb errors the sandboxes give, with TMDb's own status codes, messages and body. They live with the
 * plumbing because the router and the exchange adapter answer with them too, for the oscars.org look-alike as
 * well as for TMDb's.
 */
public enum TmdbError {
    INVALID_PARAMETERS(422, 5, "Invalid parameters: Your request parameters are incorrect."),
    INVALID_API_KEY(401, 7, "Invalid API key: You must be granted a valid key."),
    SERVICE_OFFLINE(503, 9, "Service offline: This service is temporarily offline, try again later."),
    INTERNAL_ERROR(500, 11, "Internal error: Something went wrong, contact TMDB."),
    INVALID_PAGE(422, 22, "Invalid page: Pages start at 1 and max at 500. They are expected to be an integer."),
    INVALID_DATE(422, 23, "Invalid date: Format needs to be YYYY-MM-DD."),
    BACKEND_TIMEOUT(504, 24, "Your request to the backend server timed out. Try again."),
    NOT_FOUND(404, 34, "The resource you requested could not be found."),
    METHOD_NOT_ALLOWED(405, 42, "This request method is not supported for this resource.");

    private static final int TOO_MANY_REQUESTS = 429;
    private static final int REQUEST_LIMIT_CODE = 25;

    private final int httpStatus;
    private final int statusCode;
    private final String statusMessage;

    TmdbError(int httpStatus, int statusCode, String statusMessage) {
        this.httpStatus = httpStatus;
        this.statusCode = statusCode;
        this.statusMessage = statusMessage;
    }

    public SandboxResponse response() {
        return new SandboxResponse(httpStatus, body(statusCode, statusMessage));
    }

    /**
     * TMDb's error for an HTTP status, or its internal error sent under that status when TMDb has none of
     * its own for it, as for the 502 its gateway may give.
     */
    public static SandboxResponse failure(int httpStatus) {
        TmdbError error = Arrays.stream(values())
                .filter(candidate -> candidate.httpStatus == httpStatus)
                .findFirst()
                .orElse(INTERNAL_ERROR);
        return new SandboxResponse(httpStatus, body(error.statusCode, error.statusMessage));
    }

    /** TMDb's 429, the one error whose message carries numbers. */
    public static SandboxResponse overRequestLimit(int requestCount, int limit) {
        return new SandboxResponse(TOO_MANY_REQUESTS, body(REQUEST_LIMIT_CODE,
                "Your request count (" + requestCount + ") is over the allowed limit of (" + limit + ")."));
    }

    private static byte[] body(int statusCode, String statusMessage) {
        return Json.write(json -> {
            json.writeStartObject();
            json.writeBooleanField("success", false);
            json.writeNumberField("status_code", statusCode);
            json.writeStringField("status_message", statusMessage);
            json.writeEndObject();
        });
    }
}
