package org.cinegraph.app.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.util.function.Supplier;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;

/**
 * Where a browser's request may carry its CSRF token: in the {@code X-XSRF-TOKEN} header only, never as a
 * {@code _csrf} parameter, and only from this site's own origin.
 * <p>
 * The token is checked against a cookie, and a cookie can be planted by a page of the same site on another port (or a
 * sibling host, or anyone on a plain-HTTP network), which then knows a token that matches it. Such a page can still put
 * no header of its own on a cross-origin request without the browser asking this server first, which it never agrees
 * to; a URL parameter it could. And a browser that says the request comes from another origin ({@code Sec-Fetch-Site}
 * other than {@code same-origin}) is refused whatever it carries.
 */
class HeaderOnlyCsrfTokens implements CsrfTokenRequestHandler {

    static final String FETCH_SITE = "Sec-Fetch-Site";

    /** Spring Security's default: the token handed out masked afresh each time (against BREACH). */
    private final XorCsrfTokenRequestAttributeHandler tokens = new XorCsrfTokenRequestAttributeHandler();

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> token) {
        tokens.handle(request, response, token);
    }

    @Override
    public String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken token) {
        String site = request.getHeader(FETCH_SITE);
        if (site != null && !"same-origin".equals(site)) {
            return null;
        }
        return tokens.resolveCsrfTokenValue(new HttpServletRequestWrapper(request) {
            @Override
            public String getParameter(String name) {
                return name.equals(token.getParameterName()) ? null : super.getParameter(name);
            }
        }, token);
    }
}
