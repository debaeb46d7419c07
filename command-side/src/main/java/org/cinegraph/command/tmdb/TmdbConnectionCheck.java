package org.cinegraph.command.tmdb;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Says after start whether TMDb answers, so wrong credentials show in the log before the first import. It
 * runs in the background: an unreachable TMDb costs the check its retries, never the application its start.
 */
@Component
class TmdbConnectionCheck {

    private static final Logger log = LoggerFactory.getLogger(TmdbConnectionCheck.class);

    private final TmdbClient tmdb;
    private final TaskExecutor executor;

    TmdbConnectionCheck(TmdbClient tmdb, TaskExecutor executor) {
        this.tmdb = tmdb;
        this.executor = executor;
    }

    @EventListener(ApplicationReadyEvent.class)
    void checkInBackground() {
        executor.execute(this::check);
    }

    void check() {
        try {
            tmdb.configuration();
            log.info("TMDb answers at {}", tmdb.baseUrl());
        } catch (TmdbCredentialsRejectedException e) {
            log.error(e.getMessage());
        } catch (RuntimeException e) {
            log.warn("TMDb at {} does not answer yet: {}", tmdb.baseUrl(), tmdb.describe(e));
        }
    }
}
