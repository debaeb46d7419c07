package org.cinegraph.app.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs before HTTP Basic authentication. A request that carries credentials, in whatever spelling of the header
 * (Spring's own parsing accepts more than {@code "Basic "}), takes an attempt of its client first, unless the same
 * header proved right lately: none left, and it is answered 429 with {@code Retry-After} before its password is
 * hashed. After the request, its attempt is given back
 * if the credentials proved right, and stays spent (a failure) if not. Requests without credentials cost no hash and
 * pass.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

    private final LoginThrottle throttle;
    private final ProblemDetailsSecurityHandler problems;
    private final ProvenCredentials proven = new ProvenCredentials();

    LoginThrottleFilter(LoginThrottle throttle, ProblemDetailsSecurityHandler problems) {
        this.throttle = throttle;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null) {
            chain.doFilter(request, response);
            return;
        }
        LoginThrottle.Attempt attempt = throttle.attempt(request.getRemoteAddr(), proven.contains(authorization));
        if (attempt.refused()) {
            long seconds = Math.max(1, (attempt.retryAfter().orElseThrow().toMillis() + 999) / 1000);
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
            problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS, "Too many failed logins",
                    "Too many failed admin logins came from this address; its credentials are not checked for "
                            + seconds + " more seconds.");
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            // Still this request's context: Spring Security clears it only once the whole chain has returned.
            if (authenticated(SecurityContextHolder.getContext().getAuthentication())) {
                throttle.succeeded(attempt);
                proven.add(authorization);
            } else {
                throttle.failed(attempt);
                proven.remove(authorization);
            }
        }
    }

    private static boolean authenticated(Authentication authentication) {
        return authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
    }
}
