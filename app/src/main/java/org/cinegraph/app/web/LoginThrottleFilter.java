package org.cinegraph.app.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs before HTTP Basic authentication: a request with credentials from a locked-out address is answered 429 with
 * {@code Retry-After} before its password is hashed. Requests without credentials cost no hash and pass.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

    private static final String BASIC = "basic ";

    private final LoginThrottle throttle;
    private final ProblemDetailsSecurityHandler problems;

    LoginThrottleFilter(LoginThrottle throttle, ProblemDetailsSecurityHandler problems) {
        this.throttle = throttle;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
            Optional<Duration> wait = throttle.lockedOut(request.getRemoteAddr());
            if (wait.isPresent()) {
                throttle.refused();
                long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
                problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS, "Too many failed logins",
                        "Too many failed admin logins came from this address; its credentials are not checked for "
                                + seconds + " more seconds.");
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
