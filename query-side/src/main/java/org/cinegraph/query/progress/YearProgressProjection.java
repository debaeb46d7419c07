package org.cinegraph.query.progress;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.cinegraph.events.MovieImportFailed;
import org.cinegraph.events.MovieImported;
import org.cinegraph.events.MovieSkipped;
import org.cinegraph.events.PageDiscovered;
import org.cinegraph.events.PlannedWindow;
import org.cinegraph.events.YearImportCompleted;
import org.cinegraph.events.YearImportFailed;
import org.cinegraph.events.YearImportPlanned;
import org.cinegraph.events.YearImportStarted;
import org.cinegraph.query.writes.JdbcProjection;
import org.cinegraph.query.writes.ProjectionTables;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps one row of progress per year. Events of one year import arrive in order; movie outcomes are
 * counted through {@code year_progress_movie}, so each movie counts once, under its latest outcome, and pages
 * through {@code year_progress_page}, so each page counts once: an event given again changes nothing.
 */
@Component
@ProcessingGroup(YearProgressProjection.NAME)
@ProjectionTables(value = {"year_progress", "year_progress_movie", "year_progress_page"},
        neverEmptyAfter = YearImportStarted.class)
class YearProgressProjection extends JdbcProjection {

    static final String NAME = "year-progress";
    private static final int LAST_DISCOVER_PAGE = 500;

    YearProgressProjection(JdbcClient jdbc) {
        super(jdbc);
    }

    @EventHandler
    void on(YearImportStarted event, @Timestamp Instant startedAt) {
        pending().flush();
        // A start counts from nothing only as a later run's: the same start given again changes nothing.
        jdbc.sql("""
                        WITH started AS (
                            INSERT INTO year_progress (year, status, trigger, started_at, last_progress_at)
                            VALUES (:year, 'importing', :trigger, :startedAt, :startedAt)
                            ON CONFLICT (year) DO UPDATE
                               SET status = 'importing', trigger = EXCLUDED.trigger, started_at = EXCLUDED.started_at,
                                   completed_at = NULL, last_progress_at = EXCLUDED.last_progress_at,
                                   tmdb_total = NULL, pages_total = NULL, pages_done = 0, failure_reason = NULL
                             WHERE year_progress.started_at < EXCLUDED.started_at
                            RETURNING year)
                        DELETE FROM year_progress_page WHERE year IN (SELECT year FROM started)""")
                .param("year", event.year())
                .param("trigger", event.trigger().name().toLowerCase())
                .param("startedAt", utc(startedAt))
                .update();
    }

    @EventHandler
    void on(YearImportPlanned event, @Timestamp Instant at) {
        pending().flush();
        int pages = event.windows().stream().mapToInt(PlannedWindow::totalPages)
                .map(total -> Math.min(total, LAST_DISCOVER_PAGE)).sum();
        jdbc.sql("""
                        UPDATE year_progress SET tmdb_total = :total, pages_total = :pages, last_progress_at = :at
                         WHERE year = :year""")
                .param("year", event.year()).param("total", event.tmdbTotal()).param("pages", pages)
                .param("at", utc(at)).update();
    }

    @EventHandler
    void on(PageDiscovered event, @Timestamp Instant at) {
        pending().page(event, at);
    }

    @EventHandler
    void on(MovieImported event, @Timestamp Instant at) {
        countOutcome(event.year(), event.tmdbId(), "imported", at);
    }

    @EventHandler
    void on(MovieSkipped event, @Timestamp Instant at) {
        countOutcome(event.year(), event.tmdbId(), "skipped", at);
    }

    @EventHandler
    void on(MovieImportFailed event, @Timestamp Instant at) {
        countOutcome(event.year(), event.tmdbId(), "failed", at);
    }

    @EventHandler
    void on(YearImportCompleted event, @Timestamp Instant at) {
        pending().flush();
        jdbc.sql("""
                        UPDATE year_progress
                           SET status = 'completed', completed_at = :at, last_progress_at = :at,
                               discovered = :discovered, imported = :imported, skipped = :skipped, failed = :failed
                         WHERE year = :year""")
                .param("year", event.year()).param("at", utc(at)).param("discovered", event.discovered())
                .param("imported", event.imported()).param("skipped", event.skipped())
                .param("failed", event.failed()).update();
    }

    @EventHandler
    void on(YearImportFailed event, @Timestamp Instant at) {
        pending().flush();
        jdbc.sql("""
                        UPDATE year_progress SET status = 'failed', failure_reason = :reason, last_progress_at = :at
                         WHERE year = :year""")
                .param("year", event.year()).param("reason", event.reason()).param("at", utc(at)).update();
    }

    /**
     * Counts the movie under its new outcome, and out of its previous one's, when the pending pages and outcomes are
     * written.
     */
    private void countOutcome(Integer year, int tmdbId, String outcome, Instant at) {
        if (year == null) {
            return; // imported outside any year import: no year's progress to count it in
        }
        pending().outcome(year, tmdbId, outcome, at);
    }

    private PendingCounts pending() {
        return PendingCounts.ofCurrentBatch(jdbc);
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
