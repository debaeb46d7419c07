package org.cinegraph.query.progress;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.cinegraph.events.YearImportStarted;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Keeps one row of progress per year. Events of one year arrive in order (sequenced per aggregate). */
@Component
@ProcessingGroup(YearProgressProjection.NAME)
class YearProgressProjection {

    static final String NAME = "year-progress";

    private final JdbcClient jdbc;

    YearProgressProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A replay rebuilds the table from the first event, so it starts empty. */
    @ResetHandler
    void reset() {
        jdbc.sql("DELETE FROM year_progress").update();
    }

    @EventHandler
    void on(YearImportStarted event, @Timestamp Instant startedAt) {
        jdbc.sql("""
                        INSERT INTO year_progress (year, status, trigger, started_at, last_progress_at)
                        VALUES (:year, 'importing', :trigger, :startedAt, :startedAt)
                        ON CONFLICT (year) DO UPDATE
                           SET status = 'importing', trigger = EXCLUDED.trigger, started_at = EXCLUDED.started_at,
                               completed_at = NULL, last_progress_at = EXCLUDED.last_progress_at
                        """)
                .param("year", event.year())
                .param("trigger", event.trigger().name().toLowerCase())
                .param("startedAt", OffsetDateTime.ofInstant(startedAt, ZoneOffset.UTC))
                .update();
    }
}
