package org.cinegraph.command.tmdb;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where TMDb is and how to authenticate: a v4 read access token (sent as a bearer token) or, only when
 * there is no token, a v3 API key (sent as the {@code api_key} query parameter). Never both. The secrets
 * stay out of {@link #toString()}, so a logged connection cannot leak them.
 */
public final class TmdbConnection {

    private final URI baseUrl;
    private final String apiToken;
    private final String apiKey;
    private final Duration connectTimeout;
    private final Duration readTimeout;

    private TmdbConnection(URI baseUrl, String apiToken, String apiKey, Duration connectTimeout, Duration readTimeout) {
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        this.apiToken = apiToken;
        this.apiKey = apiKey;
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
    }

    /** A connection with a v4 token if there is one, else a v3 key if there is one, else no credentials. */
    public static TmdbConnection of(URI baseUrl, String apiToken, String apiKey, Duration connectTimeout,
                                    Duration readTimeout) {
        return new TmdbConnection(baseUrl, blankToNull(apiToken), blankToNull(apiKey), connectTimeout, readTimeout);
    }

    public URI baseUrl() {
        return baseUrl;
    }

    boolean hasToken() {
        return apiToken != null;
    }

    String apiToken() {
        return apiToken;
    }

    boolean hasApiKey() {
        return apiToken == null && apiKey != null;
    }

    String apiKey() {
        return apiKey;
    }

    Duration connectTimeout() {
        return connectTimeout;
    }

    Duration readTimeout() {
        return readTimeout;
    }

    /** The text with this connection's token and key replaced, for messages that may quote a URL. */
    public String redact(String text) {
        String redacted = String.valueOf(text);
        if (apiToken != null) {
            redacted = redacted.replace(apiToken, "***");
        }
        if (apiKey != null) {
            redacted = redacted.replace(apiKey, "***");
        }
        return redacted;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    @Override
    public String toString() {
        String credentials = hasToken() ? "v4 token" : hasApiKey() ? "v3 api key" : "no credentials";
        return "TmdbConnection[" + baseUrl + ", " + credentials + "]";
    }
}
