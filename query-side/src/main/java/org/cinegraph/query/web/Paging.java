package org.cinegraph.query.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** {@code limit} (default 50, at most 500) and {@code offset} of a list request, validated. */
public record Paging(int limit, int offset) {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    public static Paging of(Integer limit, Integer offset) {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        int skip = offset == null ? 0 : offset;
        if (size < 1 || size > MAX_LIMIT) {
            throw badRequest("limit must be between 1 and " + MAX_LIMIT + ", not " + size + ".");
        }
        if (skip < 0) {
            throw badRequest("offset cannot be negative.");
        }
        return new Paging(size, skip);
    }

    /** A 400 problem detail for a query parameter that cannot be answered. */
    public static ErrorResponseException badRequest(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Invalid request parameter");
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }
}
