package org.cinegraph.query.replay;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The projections' segments whose last batch on this node failed. Axon releases such a segment and claims it
 * again after a growing pause (up to a minute), during which the processor as a whole reports no error and the
 * segment no position: without this, {@code GET /api/projections} would show a projection that keeps failing as
 * caught up, and the failure only in the log.
 */
@Component
class FailingSegments {

    /** Past this, a failure is forgotten: Axon retries a failing segment well within it, here or on another node. */
    private static final Duration REMEMBERED = Duration.ofMinutes(2);

    private final Map<String, Instant> failedAt = new ConcurrentHashMap<>();
    private final Clock clock = Clock.systemUTC();

    void failed(String projection, int segment) {
        failedAt.put(key(projection, segment), clock.instant());
    }

    void succeeded(String projection, int segment) {
        failedAt.remove(key(projection, segment));
    }

    /** Whether a segment of the projection failed its last batch on this node, lately. */
    boolean anyFailing(String projection) {
        Instant since = clock.instant().minus(REMEMBERED);
        return failedAt.entrySet().stream()
                .anyMatch(failure -> failure.getKey().startsWith(projection + "/") && failure.getValue().isAfter(since));
    }

    private static String key(String projection, int segment) {
        return projection + "/" + segment;
    }
}
