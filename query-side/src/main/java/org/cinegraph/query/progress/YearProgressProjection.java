package org.cinegraph.query.progress;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.stream.Collectors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
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
import org.cinegraph.query.projections.ProjectionTables;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps one row of progress per year. Events of one year import arrive in order; movie outcomes are
 * counted through {@code year_progress_movie}, so each movie counts once, under its latest outcome.
 */
@Component
@ProcessingGroup(YearProgressProjection.NAME)
@ProjectionTables({"year_progress", "year_progress_movie"})
class YearProgressProjection {

    static final String NAME = "year-progress";
    private static final int LAST_DISCOVER_PAGE = 500;

    private final JdbcClient jdbc;

    YearProgressProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A replay rebuilds the tables from the first event, so they start empty. */
    @ResetHandler
    void reset() {
        jdbc.sql("DELETE FROM year_progress_movie").update();
        jdbc.sql("DELETE FROM year_progress").update();
    }

    @EventHandler
    void on(YearImportStarted event, @Timestamp Instant startedAt) {
        pending().flush();
        jdbc.sql("""
                        INSERT INTO year_progress (year, status, trigger, started_at, last_progress_at)
                        VALUES (:year, 'importing', :trigger, :startedAt, :startedAt)
                        ON CONFLICT (year) DO UPDATE
                           SET status = 'importing', trigger = EXCLUDED.trigger, started_at = EXCLUDED.started_at,
                               completed_at = NULL, last_progress_at = EXCLUDED.last_progress_at,
                               tmdb_total = NULL, pages_total = NULL, pages_done = 0, failure_reason = NULL
                        """)
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
        String ids = event.movies().stream().map(movie -> Integer.toString(movie.tmdbId()))
                .collect(Collectors.joining(","));
        int newMovies = ids.isEmpty() ? 0 : jdbc.sql("""
                        INSERT INTO year_progress_movie (year, tmdb_id)
                        SELECT :year, unnest(CAST(string_to_array(:ids, ',') AS int[]))
                        ON CONFLICT DO NOTHING""")
                .param("year", event.year()).param("ids", ids).update();
        pending().add(event.year(), event.pass() == 1 ? 1 : 0, newMovies, 0, 0, 0, at);
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

    /** Moves the movie from its previous outcome's count, if any, to the new one's. */
    private void countOutcome(Integer year, int tmdbId, String outcome, Instant at) {
        if (year == null) {
            return; // imported outside any year import: no year's progress to count it in
        }
        // Every part of the statement sees the row as it was before it: "previous" is the outcome before this one.
        Optional<Optional<String>> previous = jdbc.sql("""
                        WITH previous AS (
                            SELECT outcome FROM year_progress_movie WHERE year = :year AND tmdb_id = :id
                        ), recorded AS (
                            INSERT INTO year_progress_movie (year, tmdb_id, outcome) VALUES (:year, :id, :outcome)
                            ON CONFLICT (year, tmdb_id) DO UPDATE SET outcome = EXCLUDED.outcome
                             WHERE year_progress_movie.outcome IS DISTINCT FROM EXCLUDED.outcome
                        )
                        SELECT outcome FROM previous""")
                .param("year", year).param("id", tmdbId).param("outcome", outcome)
                .query((rs, row) -> Optional.ofNullable(rs.getString("outcome"))).optional();
        Optional<String> before = previous.orElse(Optional.empty());
        if (before.filter(outcome::equals).isPresent()) {
            return;
        }
        pending().add(year, 0, previous.isEmpty() ? 1 : 0, delta("imported", outcome, before),
                delta("skipped", outcome, before), delta("failed", outcome, before), at);
    }

    private PendingCounts pending() {
        return PendingCounts.ofCurrentBatch(jdbc);
    }

    private static int delta(String count, String outcome, Optional<String> before) {
        return (count.equals(outcome) ? 1 : 0) - (before.filter(count::equals).isPresent() ? 1 : 0);
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
