package org.cinegraph.command.schedule;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.cinegraph.kernel.metrics.CachedReading;
import org.springframework.stereotype.Component;

/**
 * {@code cinegraph.schedule.next-run.seconds}: the seconds until the daily import's next tick, the
 * {@code nextRunAt} of {@code GET /api/schedule}; below zero while a tick is overdue, NaN when none is scheduled
 * (the schedule stopped). Read from {@code scheduled_tasks} at most once a second.
 */
@Component
class NextRunMeter {

    static final String NEXT_RUN = "cinegraph.schedule.next-run.seconds";

    NextRunMeter(SagaDeadlines deadlines, Clock clock, MeterRegistry meters) {
        CachedReading<Optional<Instant>> nextTick =
                new CachedReading<>(deadlines::nextTick, Duration.ofSeconds(1));
        Gauge.builder(NEXT_RUN, nextTick, reading -> reading.gauge(next -> next
                        .map(at -> Duration.between(clock.instant(), at).toMillis() / 1000.0).orElse(null)))
                .description("Seconds until the daily import's next run").strongReference(true).register(meters);
    }
}
