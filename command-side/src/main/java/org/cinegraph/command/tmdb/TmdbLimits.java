package org.cinegraph.command.tmdb;

import io.github.resilience4j.core.IntervalFunction;
import java.time.Duration;

/**
 * How hard the client may use TMDb: requests per second over all threads, concurrent connections, and
 * how often and how patiently it retries a request that failed for a reason that may pass.
 *
 * @param requestsPerSecond ceiling on requests per second, all threads together
 * @param maxConnections requests in flight at once
 * @param maxAttempts attempts of a request that fails with a 5xx, a timeout or a connection error
 * @param initialBackoff wait before the first retry; doubled for each later one, with jitter
 * @param maxBackoff longest wait between two attempts
 * @param maxRateLimitedAttempts answers of 429 a single request accepts before it is given up
 */
public record TmdbLimits(
        int requestsPerSecond,
        int maxConnections,
        int maxAttempts,
        Duration initialBackoff,
        Duration maxBackoff,
        int maxRateLimitedAttempts) {

    public TmdbLimits {
        if (requestsPerSecond < 1 || maxConnections < 1 || maxAttempts < 1 || maxRateLimitedAttempts < 1) {
            throw new IllegalArgumentException("TMDb limits must be at least 1: " + this);
        }
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("TMDb backoff must run from a non-negative initial wait up: " + this);
        }
    }

    /** The waits between attempts: from {@code initialBackoff}, doubled each time up to {@code maxBackoff}, with jitter. */
    public IntervalFunction retryBackoff() {
        return IntervalFunction.ofExponentialRandomBackoff(initialBackoff, 2.0, 0.5, maxBackoff);
    }
}
