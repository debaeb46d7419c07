package org.cinegraph.command.yearimport;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.cinegraph.command.tmdb.DiscoverPage;
import org.cinegraph.events.DateWindow;
import org.cinegraph.events.ListedMovie;
import org.cinegraph.events.PageDiscovered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records what a year import read and decided, each fact as an event appended in the same transaction as
 * the ledger row that makes it unique (V3__import_ledger.sql). Whatever is retried, resumed or read twice,
 * an event is appended once.
 */
@Repository
class ImportLedger {

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final EventGateway events;
    private final Clock clock;

    ImportLedger(JdbcClient jdbc, PlatformTransactionManager transactions, EventGateway events, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.events = events;
        this.clock = clock;
    }

    /** The year's run that started at {@code startedAt} is the running one, replacing any earlier run. */
    void markRunning(int year, Instant startedAt) {
        jdbc.sql("""
                        INSERT INTO import_ledger_run (year, started_at) VALUES (:year, :at)
                        ON CONFLICT (year) DO UPDATE SET started_at = EXCLUDED.started_at""")
                .param("year", year).param("at", utc(startedAt)).update();
    }

    Optional<Instant> runStartedAt(int year) {
        return jdbc.sql("SELECT started_at FROM import_ledger_run WHERE year = :year").param("year", year)
                .query(Timestamp.class).optional().map(Timestamp::toInstant);
    }

    List<Integer> runningYears() {
        return jdbc.sql("SELECT year FROM import_ledger_run ORDER BY year DESC").query(Integer.class).list();
    }

    /** The run ended; a newer run of the same year that began meanwhile stays running. */
    void markFinished(int year, Instant runStartedAt) {
        jdbc.sql("DELETE FROM import_ledger_run WHERE year = :year AND started_at = :run")
                .param("year", year).param("run", utc(runStartedAt)).update();
    }

    Set<Integer> pagesRead(int year, Instant runStartedAt, DateWindow window, int pass) {
        return new HashSet<>(jdbc.sql("""
                        SELECT page FROM import_ledger_page
                         WHERE year = :year AND run_started_at = :run AND window_from = :from AND pass = :pass""")
                .param("year", year).param("run", utc(runStartedAt)).param("from", window.from())
                .param("pass", pass).query(Integer.class).list());
    }

    /** The window's page count as TMDb last reported it in this run, or 0 when no page was read yet. */
    int lastSeenTotalPages(int year, Instant runStartedAt, DateWindow window) {
        return jdbc.sql("""
                        SELECT total_pages FROM import_ledger_page
                         WHERE year = :year AND run_started_at = :run AND window_from = :from
                         ORDER BY pass DESC, page DESC LIMIT 1""")
                .param("year", year).param("run", utc(runStartedAt)).param("from", window.from())
                .query(Integer.class).optional().orElse(0);
    }

    /** Whether TMDb's count of the window changed while this pass read it: movies may have moved between pages. */
    boolean countChangedDuring(int year, Instant runStartedAt, DateWindow window, int pass) {
        return jdbc.sql("""
                        SELECT count(DISTINCT total_results) > 1 FROM import_ledger_page
                         WHERE year = :year AND run_started_at = :run AND window_from = :from AND pass = :pass""")
                .param("year", year).param("run", utc(runStartedAt)).param("from", window.from())
                .param("pass", pass).query(Boolean.class).single();
    }

    /** Appends {@link PageDiscovered} unless this page of the window was recorded before in this run and pass. */
    boolean recordPage(int year, Instant runStartedAt, DateWindow window, int pass, DiscoverPage page) {
        List<ListedMovie> movies = page.movies().stream()
                .map(movie -> new ListedMovie(movie.tmdbId(), movie.title(), movie.releaseDate()))
                .toList();
        return Boolean.TRUE.equals(transaction.execute(status -> {
            int inserted = jdbc.sql("""
                            INSERT INTO import_ledger_page (year, run_started_at, window_from, pass, page,
                                                            total_results, total_pages)
                            VALUES (:year, :run, :from, :pass, :page, :totalResults, :totalPages)
                            ON CONFLICT DO NOTHING""")
                    .param("year", year).param("run", utc(runStartedAt)).param("from", window.from())
                    .param("pass", pass).param("page", page.page()).param("totalResults", page.totalResults())
                    .param("totalPages", page.totalPages()).update();
            if (inserted == 0) {
                return false;
            }
            for (ListedMovie movie : movies) {
                jdbc.sql("""
                                INSERT INTO import_ledger_discovered (year, tmdb_id, title) VALUES (:year, :id, :title)
                                ON CONFLICT DO NOTHING""")
                        .param("year", year).param("id", movie.tmdbId()).param("title", movie.title()).update();
            }
            events.publish(new PageDiscovered(year, window, pass, page.page(), page.totalPages(),
                    page.totalResults(), movies));
            return true;
        }));
    }

    /**
     * The year's discovered movies still to import in the run that started at {@code runStartedAt}: those
     * with no outcome, and those whose import failed before this run began (a new run tries them again).
     */
    List<ListedMovie> awaitingOutcome(int year, Instant runStartedAt) {
        return jdbc.sql("""
                        SELECT d.tmdb_id, d.title FROM import_ledger_discovered d
                          LEFT JOIN import_ledger_outcome o ON o.tmdb_id = d.tmdb_id
                         WHERE d.year = :year
                           AND (o.tmdb_id IS NULL OR (o.outcome = 'failed' AND o.recorded_at < :runStartedAt))
                         ORDER BY d.tmdb_id""")
                .param("year", year).param("runStartedAt", utc(runStartedAt))
                .query((rs, row) -> new ListedMovie(rs.getInt("tmdb_id"), rs.getString("title"), null))
                .list();
    }

    /**
     * Records the outcomes in one transaction, appending each one's event unless the movie already has a
     * final outcome (imported or skipped). A failure may be replaced; its attempts are counted.
     *
     * @return how many outcomes were new
     */
    int recordOutcomes(List<MovieOutcome> outcomes) {
        Integer recorded = transaction.execute(status -> {
            int changed = 0;
            OffsetDateTime now = utc(clock.instant());
            for (MovieOutcome outcome : outcomes) {
                Optional<Integer> attempt = jdbc.sql("""
                                INSERT INTO import_ledger_outcome (tmdb_id, year, outcome, attempts, recorded_at)
                                VALUES (:id, :year, :outcome, 1, :at)
                                ON CONFLICT (tmdb_id) DO UPDATE
                                   SET outcome = EXCLUDED.outcome, year = EXCLUDED.year,
                                       attempts = import_ledger_outcome.attempts + 1, recorded_at = EXCLUDED.recorded_at
                                 WHERE import_ledger_outcome.outcome = 'failed'
                                RETURNING attempts""")
                        .param("id", outcome.tmdbId()).param("year", outcome.year())
                        .param("outcome", outcome.kind().column()).param("at", now)
                        .query(Integer.class).optional();
                if (attempt.isPresent()) {
                    events.publish(outcome.event().apply(attempt.get()));
                    changed++;
                }
            }
            return changed;
        });
        return recorded == null ? 0 : recorded;
    }

    /** Counts over the movies discovered for the year, each counted once whatever happened to it. */
    YearCounts counts(int year) {
        return jdbc.sql("""
                        SELECT count(*) AS discovered,
                               count(*) FILTER (WHERE o.outcome = 'imported') AS imported,
                               count(*) FILTER (WHERE o.outcome = 'skipped') AS skipped,
                               count(*) FILTER (WHERE o.outcome = 'failed') AS failed
                          FROM import_ledger_discovered d
                          LEFT JOIN import_ledger_outcome o ON o.tmdb_id = d.tmdb_id
                         WHERE d.year = :year""")
                .param("year", year)
                .query((rs, row) -> new YearCounts(rs.getInt("discovered"), rs.getInt("imported"),
                        rs.getInt("skipped"), rs.getInt("failed")))
                .single();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
