package org.cinegraph.kernel.problems;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Every error answer of the API, as an RFC 9457 problem detail: its status, a title (the status's reason phrase
 * when none is given) and a detail that says what to do. Controllers throw {@link #problem}, which Spring answers
 * with its status; the handlers that write an answer themselves build it with {@link #detail}.
 */
public final class Problems {

    private Problems() {
    }

    /** @param title null for the status's own reason phrase */
    public static ProblemDetail detail(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }

    public static ErrorResponseException problem(HttpStatus status, String title, String detail) {
        return problem(status, title, detail, null);
    }

    /** @param cause what went wrong underneath, for the log; never shown to the client */
    public static ErrorResponseException problem(HttpStatus status, String title, String detail, Exception cause) {
        return new ErrorResponseException(status, detail(status, title, detail), cause);
    }

    /** A 400 for a query parameter that cannot be answered. */
    public static ErrorResponseException invalidParameter(String detail) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid request parameter", detail);
    }
}
