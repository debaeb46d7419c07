package org.cinegraph.app.tmdb;

import java.net.URI;
import java.time.Duration;
import org.cinegraph.command.tmdb.TmdbLimits;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code cinegraph.tmdb.*}; the token and key also come from TMDB_API_TOKEN and TMDB_API_KEY. The daily ID exports
 * are on TMDb's file server, {@code exportsBaseUrl}, which takes no credentials.
 */
@ConfigurationProperties("cinegraph.tmdb")
record TmdbProperties(
        @DefaultValue("https://api.themoviedb.org/3") URI baseUrl,
        @DefaultValue("https://files.tmdb.org/p/exports") URI exportsBaseUrl,
        String apiToken,
        String apiKey,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("30s") Duration readTimeout,
        @DefaultValue("40") int requestsPerSecond,
        @DefaultValue("20") int maxConnections,
        @DefaultValue Retry retry) {

    /** {@code cinegraph.tmdb.retry.*}: retries of requests that failed for a reason that may pass. */
    record Retry(
            @DefaultValue("5") int maxAttempts,
            @DefaultValue("500ms") Duration initialBackoff,
            @DefaultValue("30s") Duration maxBackoff,
            @DefaultValue("20") int maxRateLimitedAttempts) {
    }

    TmdbLimits limits() {
        return new TmdbLimits(requestsPerSecond, maxConnections, retry.maxAttempts(), retry.initialBackoff(),
                retry.maxBackoff(), retry.maxRateLimitedAttempts());
    }

    @Override
    public String toString() {
        return "TmdbProperties[" + baseUrl + "]";
    }
}
