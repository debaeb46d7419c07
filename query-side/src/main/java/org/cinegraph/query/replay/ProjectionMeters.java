package org.cinegraph.query.replay;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.cinegraph.kernel.metrics.CachedReading;
import org.cinegraph.query.replay.ProjectionStatuses.ProjectionStatus;
import org.springframework.stereotype.Component;

/**
 * Each projection's {@code cinegraph.projection.lag} (events between its slowest segment on this node and the head of
 * the event store; NaN while none of its segments runs here) and {@code cinegraph.projection.replay.progress} (its
 * latest replay's share done, 0 to 1; NaN for a projection never replayed), as {@code GET /api/projections} reports
 * them, from one reading a second whatever the number of projections.
 */
@Component
class ProjectionMeters {

    static final String LAG = "cinegraph.projection.lag";
    static final String REPLAY_PROGRESS = "cinegraph.projection.replay.progress";

    ProjectionMeters(ProjectionStatuses statuses, Projections projections, MeterRegistry meters) {
        CachedReading<List<ProjectionStatus>> reading = new CachedReading<>(statuses::all, Duration.ofSeconds(1));
        for (Projection projection : projections.all()) {
            Function<List<ProjectionStatus>, Optional<ProjectionStatus>> find = all -> all.stream()
                    .filter(status -> status.name().equals(projection.name())).findFirst();
            Gauge.builder(LAG, reading, read -> read.gauge(all -> find.apply(all)
                            .map(ProjectionStatus::lag).orElse(null)))
                    .tag("projection", projection.name())
                    .description("Events between the projection and the head of the event store, on this node")
                    .strongReference(true).register(meters);
            Gauge.builder(REPLAY_PROGRESS, reading, read -> read.gauge(all -> find.apply(all)
                            .map(ProjectionStatus::rebuild).map(ProjectionStatuses.Rebuild::progress).orElse(null)))
                    .tag("projection", projection.name())
                    .description("Share of the projection's latest replay done, 0 to 1")
                    .strongReference(true).register(meters);
        }
    }
}
