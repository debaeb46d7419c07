package org.cinegraph.command.schedule;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.cinegraph.command.tmdb.TmdbClient;
import org.cinegraph.command.ledger.AfterCommit;
import org.cinegraph.events.RefreshTmdbTotal;
import org.cinegraph.events.TmdbTotalUpdated;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Component;

/** Reads TMDb's count of all its movies and records it as {@link TmdbTotalUpdated}. */
@Component
record TmdbTotal(TmdbClient tmdb, EventGateway events, TaskExecutor background) {

    static final String SOURCE = "discover";
    private static final Logger log = LoggerFactory.getLogger(TmdbTotal.class);

    /**
     * The daily tick's refresh: in the background once the tick's step commits, so that TMDb's answer (or its
     * timeouts) never holds the step's transaction, and the pass's lock, open.
     */
    @CommandHandler
    void handle(RefreshTmdbTotal command) {
        AfterCommit.run(() -> background.execute(this::refreshQuietly));
    }

    /** @throws RuntimeException the TMDb client's, when TMDb cannot be read */
    long refresh() {
        long total = tmdb.totalMovies();
        events.publish(new TmdbTotalUpdated(total, SOURCE));
        return total;
    }

    /**
     * As {@link #refresh()}, logging instead of throwing: the total is refreshed again at every tick and at the
     * start of every year's run, and nothing is lost while it is out of date.
     */
    void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            log.warn("Could not refresh TMDb's total: {}", tmdb.describe(e));
        }
    }
}
