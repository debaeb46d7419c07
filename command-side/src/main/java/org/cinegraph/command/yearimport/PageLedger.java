package org.cinegraph.command.yearimport;

import static org.cinegraph.command.yearimport.YearRuns.utc;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.cinegraph.command.ledger.StoredInstant;
import org.cinegraph.command.tmdb.DiscoverPage;
import org.cinegraph.events.DateWindow;
import org.cinegraph.events.ListedMovie;
import org.cinegraph.events.PageDiscovered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What a year's runs read from discover (V3__import_ledger.sql: {@code import_ledger_page},
 * {@code import_ledger_discovered}): each page once per run, window and pass, appended as {@link PageDiscovered}
 * in the transaction of its row, and the year's movies those pages listed, each once, to import.
 */
@Repository
class PageLedger {

    private final JdbcClient jdbc;
    private final YearRuns runs;
    private final EventGateway events;

    PageLedger(JdbcClient jdbc, YearRuns runs, EventGateway events) {
        this.jdbc = jdbc;
        this.runs = runs;
        this.events = events;
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

    /**
     * Appends {@link PageDiscovered} unless this page of the window was recorded before in this run and pass.
     *
     * @throws ClaimLostException when {@code owner} no longer works on this run of the year
     */
    boolean recordPage(int year, Instant runStartedAt, String owner, DateWindow window, int pass, DiscoverPage page) {
        List<ListedMovie> movies = page.movies().stream()
                .map(movie -> new ListedMovie(movie.tmdbId(), movie.title(), movie.releaseDate()))
                .toList();
        return Boolean.TRUE.equals(runs.whileHeld(year, runStartedAt, owner, () -> {
            if (insertPages(jdbc, List.of(new PageRow(year, runStartedAt, window.from(), pass, page.page(),
                    page.totalResults(), page.totalPages()))) == 0) {
                return false;
            }
            insertDiscovered(jdbc, movies.stream().map(movie -> new DiscoveredMovie(year, movie.tmdbId(),
                    movie.title())).toList());
            events.publish(new PageDiscovered(year, window, pass, page.page(), page.totalPages(),
                    page.totalResults(), movies));
            return true;
        }));
    }

    /**
     * Records the pages, those recorded before left as they are: the ledger records each page read with it, and a
     * rebuild the pages of the events.
     *
     * @return how many pages were new
     */
    static int insertPages(JdbcClient jdbc, List<PageRow> pages) {
        return jdbc.sql("""
                        INSERT INTO import_ledger_page (year, run_started_at, window_from, pass, page, total_results,
                                                        total_pages)
                        SELECT * FROM unnest(CAST(:years AS int[]), CAST(:runs AS timestamptz[]),
                                             CAST(:froms AS date[]), CAST(:passes AS int[]), CAST(:pages AS int[]),
                                             CAST(:totalResults AS int[]), CAST(:totalPages AS int[]))
                        ON CONFLICT DO NOTHING""")
                .param("years", pages.stream().map(PageRow::year).toArray(Integer[]::new))
                .param("runs", StoredInstant.texts(pages.stream().map(PageRow::runStartedAt).toList()))
                .param("froms", pages.stream().map(row -> row.windowFrom().toString()).toArray(String[]::new))
                .param("passes", pages.stream().map(PageRow::pass).toArray(Integer[]::new))
                .param("pages", pages.stream().map(PageRow::page).toArray(Integer[]::new))
                .param("totalResults", pages.stream().map(PageRow::totalResults).toArray(Integer[]::new))
                .param("totalPages", pages.stream().map(PageRow::totalPages).toArray(Integer[]::new))
                .update();
    }

    /**
     * Records the movies as discovered for their years, each once per year with the title it was first listed
     * under; the ledger records a page's movies with it, and a rebuild the movies of the events, in their order.
     */
    static void insertDiscovered(JdbcClient jdbc, List<DiscoveredMovie> movies) {
        jdbc.sql("""
                        INSERT INTO import_ledger_discovered (year, tmdb_id, title)
                        SELECT movie.year, movie.tmdb_id, movie.title
                          FROM unnest(CAST(:years AS int[]), CAST(:ids AS int[]), CAST(:titles AS text[]))
                               WITH ORDINALITY AS movie (year, tmdb_id, title, listed)
                         ORDER BY movie.listed
                        ON CONFLICT DO NOTHING""")
                .param("years", movies.stream().map(DiscoveredMovie::year).toArray(Integer[]::new))
                .param("ids", movies.stream().map(DiscoveredMovie::tmdbId).toArray(Integer[]::new))
                .param("titles", movies.stream().map(DiscoveredMovie::title).toArray(String[]::new))
                .update();
    }

    /** A discover page read in the year's run that started at {@code runStartedAt}, as the ledger records it. */
    record PageRow(int year, Instant runStartedAt, LocalDate windowFrom, int pass, int page, int totalResults,
                   int totalPages) {
    }

    /** A movie a discover page of the year listed. */
    record DiscoveredMovie(int year, int tmdbId, String title) {
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
}
