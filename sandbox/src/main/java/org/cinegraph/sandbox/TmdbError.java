package org.cinegraph.sandbox;

/** The TMDb errors the sandbox gives, with TMDb's own status codes and messages. */
enum TmdbError {
    INVALID_PARAMETERS(422, 5, "Invalid parameters: Your request parameters are incorrect."),
    INTERNAL_ERROR(500, 11, "Internal error: Something went wrong, contact TMDB."),
    INVALID_PAGE(422, 22, "Invalid page: Pages start at 1 and max at 500. They are expected to be an integer."),
    INVALID_DATE(422, 23, "Invalid date: Format needs to be YYYY-MM-DD."),
    NOT_FOUND(404, 34, "The resource you requested could not be found."),
    METHOD_NOT_ALLOWED(405, 42, "This request method is not supported for this resource.");

    private final int httpStatus;
    private final int statusCode;
    private final String statusMessage;

    TmdbError(int httpStatus, int statusCode, String statusMessage) {
        this.httpStatus = httpStatus;
        this.statusCode = statusCode;
        this.statusMessage = statusMessage;
    }

    SandboxResponse response() {
        return new SandboxResponse(httpStatus, TmdbJson.error(statusCode, statusMessage));
    }
}
