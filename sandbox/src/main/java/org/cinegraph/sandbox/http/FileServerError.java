package org.cinegraph.sandbox.http;

import java.nio.charset.StandardCharsets;

/**
 * The errors of TMDb's file server, where the daily ID exports live: it is a storage bucket behind a CDN, not the
 * API, so its errors are short XML documents rather than TMDb's JSON. A client must not expect to parse them.
 */
public final class FileServerError {

    private static final int NOT_FOUND = 404;
    private static final int SERVICE_UNAVAILABLE = 503;
    private static final String XML = "application/xml";

    private FileServerError() {
    }

    /** What the file server answers for a file it does not hold: a day not yet published, or long gone. */
    public static SandboxResponse notFound() {
        return error(NOT_FOUND, "NoSuchKey", "The specified key does not exist.");
    }

    /** A failure of the file server under {@code status}, a 503 with the bucket's "slow down", others generic. */
    public static SandboxResponse failure(int status) {
        return status == SERVICE_UNAVAILABLE
                ? error(status, "SlowDown", "Please reduce your request rate.")
                : error(status, "InternalError", "We encountered an internal error. Please try again.");
    }

    private static SandboxResponse error(int status, String code, String message) {
        String body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code><Message>"
                + message + "</Message></Error>";
        return new SandboxResponse(status, body.getBytes(StandardCharsets.UTF_8)).withHeader("Content-Type", XML);
    }
}
