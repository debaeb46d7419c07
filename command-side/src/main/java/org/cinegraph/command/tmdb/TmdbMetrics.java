package org.cinegraph.command.tmdb;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * What TMDb answered, for operators ({@code cinegraph.tmdb.responses}) and, through {@link TmdbActivity}, for the
 * dashboard's chart of the last day.
 */
final class TmdbMetrics {

    private static final String RESPONSES = "cinegraph.tmdb.responses";

    private final MeterRegistry meters;
    private final Counter rateLimited;
    private final Counter unreachable;
    private final TmdbActivity activity;

    TmdbMetrics(MeterRegistry meters, TmdbActivity activity) {
        this.meters = meters;
        this.activity = activity;
        this.rateLimited = Counter.builder("cinegraph.tmdb.rate-limited")
                .description("Answers of 429 Too Many Requests").register(meters);
        this.unreachable = Counter.builder(RESPONSES).tag("status", "none")
                .description("Requests TMDb answered, by status").register(meters);
    }

    void answered(int status) {
        activity.requested();
        Counter.builder(RESPONSES).tag("status", Integer.toString(status))
                .description("Requests TMDb answered, by status").register(meters).increment();
    }

    void rateLimited() {
        activity.rateLimited();
        rateLimited.increment();
    }

    void unreachable() {
        activity.requested();
        unreachable.increment();
    }
}
