package org.cinegraph.command.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The admin API's refusals, as RFC 9457 problem details that Spring answers with their status. */
public final class Problems {

    private Problems() {
    }

    public static ErrorResponseException problem(HttpStatus status, String title, String detail) {
        return problem(status, title, detail, null);
    }

    /** @param cause what went wrong underneath, for the log; never shown to the client */
    public static ErrorResponseException problem(HttpStatus status, String title, String detail, Exception cause) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return new ErrorResponseException(status, problem, cause);
    }
}
