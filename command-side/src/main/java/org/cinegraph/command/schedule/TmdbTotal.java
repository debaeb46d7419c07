package org.cinegraph.command.schedule;

import org.axonframework.eventhandling.gateway.EventGateway;
import org.cinegraph.command.tmdb.TmdbClient;
import org.cinegraph.events.TmdbTotalUpdated;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Reads TMDb's count of all its movies and records it as {@link TmdbTotalUpdated}. */
@Component
class TmdbTotal {

    static final String SOURCE = "discover";
    private static final Logger log = LoggerFactory.getLogger(TmdbTotal.class);

    private final TmdbClient tmdb;
    private final EventGateway events;

    TmdbTotal(TmdbClient tmdb, EventGateway events) {
        this.tmdb = tmdb;
        this.events = events;
    }

    /** @throws RuntimeException the TMDb client's, when TMDb cannot be read */
    long refresh() {
        long total = tmdb.totalMovies();
        events.publish(new TmdbTotalUpdated(total, SOURCE));
        return total;
    }

    /** As {@link #refresh()}, logging instead of throwing: for the schedule, whose run does not hang on it. */
    void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            log.warn("Could not refresh TMDb's total: {}", tmdb.describe(e));
        }
    }
}
