package org.cinegraph.command.tmdb;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * What TMDb answered and how long it took, for operators, and through {@link TmdbActivity} for the dashboard's chart
 * of the last day. {@code cinegraph.tmdb.requests} is timed by {@code endpoint}, the path's template
 * ({@code /movie/{id}}, never a movie's own path, so the series stay as few as TMDb's endpoints), and by
 * {@code status}, the HTTP status or {@value #UNREACHABLE} when no answer came; the 429s are its
 * {@code status="429"}. {@code cinegraph.tmdb.rate-limiter.wait} is the time each request waited before it could
 * go: the pace of {@code requests-per-second} and the pause after a 429.
 */
final class TmdbMetrics {

    static final String REQUESTS = "cinegraph.tmdb.requests";
    static final String RATE_LIMITER_WAIT = "cinegraph.tmdb.rate-limiter.wait";
    static final String UNREACHABLE = "unreachable";

    private final MeterRegistry meters;
    private final Timer rateLimiterWait;
    private final TmdbActivity activity;

    TmdbMetrics(MeterRegistry meters, TmdbActivity activity) {
        this.meters = meters;
        this.activity = activity;
        this.rateLimiterWait = Timer.builder(RATE_LIMITER_WAIT)
                .description("Time a request to TMDb waited for the rate limiter, or for the pause after a 429")
                .register(meters);
    }

    void waitedForRateLimiter(long nanos) {
        rateLimiterWait.record(Duration.ofNanos(nanos));
    }

    void answered(String endpoint, int status, long nanos) {
        activity.requested();
        if (status == 429) {
            activity.rateLimited();
        }
        requests(endpoint, Integer.toString(status)).record(Duration.ofNanos(nanos));
    }

    void unreachable(String endpoint, long nanos) {
        activity.requested();
        requests(endpoint, UNREACHABLE).record(Duration.ofNanos(nanos));
    }

    private Timer requests(String endpoint, String status) {
        return Timer.builder(REQUESTS).tag("endpoint", endpoint).tag("status", status)
                .description("Requests to TMDb, by endpoint and by status, with their latency")
                .register(meters);
    }
}
