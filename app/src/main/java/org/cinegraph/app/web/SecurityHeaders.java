package org.cinegraph.app.web;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The headers every answer carries. Spring Security writes them on every answer that passes its filters; an answer
 * refused before them (a URL Tomcat or the request firewall rejects, a URL with characters no parameter takes) gets
 * them from {@link #addMissing}.
 */
final class SecurityHeaders {

    /**
     * The dashboard's own files and this origin's API, nothing else: no inline script or style, no other origin, no
     * framing.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";
    /** Every device and feature the dashboard does not use. */
    static final String PERMISSIONS_POLICY = "accelerometer=(), autoplay=(), camera=(), display-capture=(), "
            + "fullscreen=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), "
            + "publickey-credentials-get=(), screen-wake-lock=(), serial=(), usb=(), xr-spatial-tracking=()";
    static final String NO_REFERRER = "no-referrer";

    private SecurityHeaders() {
    }

    static void addMissing(HttpServletResponse response) {
        setIfMissing(response, "Content-Security-Policy", CONTENT_SECURITY_POLICY);
        setIfMissing(response, "Referrer-Policy", NO_REFERRER);
        setIfMissing(response, "Permissions-Policy", PERMISSIONS_POLICY);
        setIfMissing(response, "X-Content-Type-Options", "nosniff");
        setIfMissing(response, "X-Frame-Options", "DENY");
        setIfMissing(response, "Cache-Control", "no-cache, no-store, max-age=0, must-revalidate");
    }

    private static void setIfMissing(HttpServletResponse response, String name, String value) {
        if (!response.containsHeader(name)) {
            response.setHeader(name, value);
        }
    }
}
