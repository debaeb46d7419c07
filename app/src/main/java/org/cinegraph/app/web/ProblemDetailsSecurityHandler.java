package org.cinegraph.app.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.cinegraph.kernel.problems.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

/**
 * Answers 401, 403 (a missing CSRF token among them) and requests the firewall rejects (such as {@code //} or {@code ;} in a path) as problem
 * details, like every other error of the API. A 401 asks for HTTP Basic credentials, except of a script that
 * says it is one ({@code X-Requested-With: XMLHttpRequest}): a browser would answer that challenge with its own
 * login dialog, over the dashboard's.
 */
@Component
class ProblemDetailsSecurityHandler implements AuthenticationEntryPoint, AccessDeniedHandler, RequestRejectedHandler {

    private static final String REQUESTED_WITH = "X-Requested-With";
    private static final String XML_HTTP_REQUEST = "XMLHttpRequest";

    private final ObjectMapper json;

    ProblemDetailsSecurityHandler(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response,
                         AuthenticationException exception) throws IOException {
        if (!XML_HTTP_REQUEST.equalsIgnoreCase(request.getHeader(REQUESTED_WITH))) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Cinegraph admin\"");
        }
        write(request, response, HttpStatus.UNAUTHORIZED, null,
                "This endpoint needs the HTTP Basic credentials of user 'admin'.");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response,
                       AccessDeniedException exception) throws IOException {
        if (exception instanceof CsrfException) {
            write(request, response, HttpStatus.FORBIDDEN, "Request not from the dashboard",
                    "A browser sent this request without the dashboard's CSRF token (header X-XSRF-TOKEN, from "
                            + "GET /api/admin/session), so it may come from another site's page. Scripts that send no "
                            + "Origin, Referer or Sec-Fetch-Site header need no token.");
            return;
        }
        write(request, response, HttpStatus.FORBIDDEN, null, "This account may not use this endpoint.");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response,
                       RequestRejectedException exception) throws IOException {
        write(request, response, HttpStatus.BAD_REQUEST, null, "The request was rejected: its URL is not allowed here.");
    }

    /** @param title null for the status's own reason phrase */
    void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String title,
               String detail) throws IOException {
        ProblemDetail problem = Problems.detail(status, title, detail);
        problem.setInstance(URI.create(request.getRequestURI()));
        SecurityHeaders.addMissing(response);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
