package org.cinegraph.command.tmdb;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** What TMDb answered, for the dashboard's charts and for operators: {@code cinegraph.tmdb.responses}. */
final class TmdbMetrics {

    private static final String RESPONSES = "cinegraph.tmdb.responses";

    private final MeterRegistry meters;
    private final Counter rateLimited;
    private final Counter unreachable;

    TmdbMetrics(MeterRegistry meters) {
        this.meters = meters;
        this.rateLimited = Counter.builder("cinegraph.tmdb.rate-limited")
                .description("Answers of 429 Too Many Requests").register(meters);
        this.unreachable = Counter.builder(RESPONSES).tag("status", "none")
                .description("Requests TMDb answered, by status").register(meters);
    }

    void answered(int status) {
        Counter.builder(RESPONSES).tag("status", Integer.toString(status))
                .description("Requests TMDb answered, by status").register(meters).increment();
    }

    void rateLimited() {
        rateLimited.increment();
    }

    void unreachable() {
        unreachable.increment();
    }
}
