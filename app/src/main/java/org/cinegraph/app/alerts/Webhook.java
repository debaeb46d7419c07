package org.cinegraph.app.alerts;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpRequest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where alerts go: {@code cinegraph.alerts.webhook-url} and the optional {@code webhook-header}. Both may hold a
 * secret (a Slack hook's path is one), so neither is ever shown: not in a refusal at start, not in a log, an event or
 * an answer. Only the {@link #host()} is.
 */
final class Webhook {

    /** An HTTP header as {@code Name: value}, the name an RFC 9110 token. */
    private static final Pattern HEADER = Pattern.compile("([!#$%&'*+.^_`|~0-9A-Za-z-]+):\\s*(\\S.*)");

    private final URI url;
    private final String headerName;
    private final String headerValue;

    private Webhook(URI url, String headerName, String headerValue) {
        this.url = url;
        this.headerName = headerName;
        this.headerValue = headerValue;
    }

    /**
     * The webhook the settings name.
     *
     * @throws IllegalArgumentException naming the setting that is wrong, without its value
     */
    static Webhook of(String url, String header) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("cinegraph.alerts.webhook-url is not a URL (its value is not shown: it "
                    + "may hold a token).");
        }
        if (!("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                || uri.getHost() == null) {
            throw new IllegalArgumentException("cinegraph.alerts.webhook-url must be an absolute http or https URL "
                    + "(its value is not shown: it may hold a token).");
        }
        if (header == null || header.isBlank()) {
            return new Webhook(uri, null, null);
        }
        Matcher parts = HEADER.matcher(header.strip());
        if (!parts.matches()) {
            throw new IllegalArgumentException("cinegraph.alerts.webhook-header must be \"Name: value\" (its value is "
                    + "not shown: it may hold a token).");
        }
        Webhook webhook = new Webhook(uri, parts.group(1), parts.group(2));
        try {
            webhook.post("{}");
        } catch (IllegalArgumentException restricted) {
            throw new IllegalArgumentException("cinegraph.alerts.webhook-header names a header the HTTP client sets "
                    + "itself: " + parts.group(1) + ".");
        }
        return webhook;
    }

    /** The host the alerts go to: all of the webhook that is ever shown. */
    String host() {
        return url.getHost();
    }

    /** A POST of the JSON body to the webhook, with its header. */
    HttpRequest post(String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(WebhookSender.TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (headerName != null) {
            request.header(headerName, headerValue);
        }
        return request.build();
    }

    /** The text with every part of the webhook that may be secret (its URL, path, query, header value) masked. */
    String masked(String text) {
        if (text == null) {
            return null;
        }
        String masked = text.replace(url.toString(), host());
        for (String secret : new String[] {url.getRawPath(), url.getRawQuery(), url.getPath(), url.getQuery(),
                headerValue}) {
            if (secret != null && secret.length() > 1) {
                masked = masked.replace(secret, "…");
            }
        }
        return masked;
    }

    @Override
    public String toString() {
        return "webhook on " + host();
    }
}
