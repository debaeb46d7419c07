package org.cinegraph.app.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, with a 400 problem detail, a URL whose path or query does not decode to text every parameter can hold:
 * a %-escape that is not one, bytes that are not UTF-8 (Tomcat would quietly drop such a parameter, and the request
 * would be answered as if it had not been sent), or a NUL character (PostgreSQL stores no NUL in text, and would fail
 * the query). Checked once here for every parameter, present and future, rather than in each controller.
 */
class UrlCharactersFilter extends OncePerRequestFilter {

    private final ProblemDetailsSecurityHandler problems;

    UrlCharactersFilter(ProblemDetailsSecurityHandler problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String problem = problem(request.getRequestURI(), false);
        if (problem == null && request.getQueryString() != null) {
            problem = problem(request.getQueryString(), true);
        }
        if (problem != null) {
            problems.write(request, response, HttpStatus.BAD_REQUEST, "Bad characters in the URL", problem);
            return;
        }
        chain.doFilter(request, response);
    }

    /** What is wrong with a raw (still %-encoded) path or query; null when nothing is. */
    static String problem(String raw, boolean query) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                int high = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
                int low = high >= 0 ? Character.digit(raw.charAt(i + 2), 16) : -1;
                if (low < 0) {
                    return "The URL holds a '%' that does not start a %-escape of two hexadecimal digits.";
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else if (query && c == '+') {
                bytes.write(' ');
            } else {
                bytes.write(c);
            }
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            return "The URL's %-escapes do not decode as UTF-8 text.";
        }
        if (text.indexOf('\0') >= 0) {
            return "The URL holds a NUL character (%00), which no parameter accepts.";
        }
        return null;
    }
}
