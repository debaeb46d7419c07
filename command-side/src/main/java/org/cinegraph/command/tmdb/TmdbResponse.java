package org.cinegraph.command.tmdb;

import java.time.Duration;
import java.util.Optional;

/** One answer of TMDb, read whole: status, the {@code Retry-After} it asked for, and the body. */
record TmdbResponse(int status, Optional<Duration> retryAfter, byte[] body) {

    static Optional<Duration> parseRetryAfter(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(header.trim()))));
        } catch (NumberFormatException httpDate) {
            // TMDb sends seconds; an HTTP date is possible by the standard but not worth trusting a clock for.
            return Optional.empty();
        }
    }
}
