package org.cinegraph.app.web;

import org.cinegraph.events.YearOutOfRangeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the API is an RFC 9457 problem detail. Spring's handler covers malformed requests (400),
 * unknown paths (404), wrong methods (405) and {@code ErrorResponseException}s the controllers throw;
 * this adds the domain's own errors and hides anything unexpected behind a plain 500.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(YearOutOfRangeException.class)
    ProblemDetail yearOutOfRange(YearOutOfRangeException exception) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, exception.getMessage());
        problem.setTitle("Year out of range");
        return problem;
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception exception) {
        log.error("Unexpected error while answering a request", exception);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "The server could not answer this request. The error has been logged.");
        problem.setTitle("Internal error");
        return problem;
    }
}
