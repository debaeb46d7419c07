package org.cinegraph.query.progress;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.cinegraph.events.ListedMovie;
import org.cinegraph.events.PageDiscovered;
import org.cinegraph.query.writes.CurrentBatch;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the current batch of events changed in year progress and has not written yet: the pages discovered, the
 * movies' outcomes, and the changes to the counts of {@code year_progress} per year. Pages and outcomes are
 * written together, at most three statements each time (the movies' rows read, the new pages inserted, the rows
 * that changed written), each movie's row once with its latest state: when the batch commits, before a write that
 * needs them, and whenever {@value #MOVIES_PER_WRITE} movies are pending, which keeps each statement to an index's
 * work. The counts follow with one update per year when the batch commits (or before a write that needs them). A
 * statement per page cost more than the work it did (a page's movies inserted, then updated again as their
 * outcomes came), and updating the year's row once per movie would leave a version of the row per movie in the
 * batch's transaction, each found by walking the ones before it.
 */
final class PendingCounts {

    private static final String RESOURCE = PendingCounts.class.getName();
    /**
     * The movies named by pending pages and outcomes (a movie named twice counted twice) at which they are written
     * without waiting for the batch's end, so that no statement names many more: a batch of a year's discovery
     * alone holds a thousand pages of twenty movies each.
     */
    static final int MOVIES_PER_WRITE = 2_000;

    private final JdbcClient jdbc;
    private final boolean flushEachChange;
    private final Map<Integer, Delta> byYear = new LinkedHashMap<>();
    /** Pages and outcomes in the order of their events. */
    private final List<Change> changes = new ArrayList<>();
    /** The movies the pending changes name, a movie named twice counted twice. */
    private int pendingMovies;

    private PendingCounts(JdbcClient jdbc, boolean flushEachChange) {
        this.jdbc = jdbc;
        this.flushEachChange = flushEachChange;
    }

    /**
     * The pending counts of the batch being applied, written before it commits; outside a unit of work
     * (a handler called directly), each change is written at once.
     */
    static PendingCounts ofCurrentBatch(JdbcClient jdbc) {
        return CurrentBatch.state(RESOURCE, () -> new PendingCounts(jdbc, false), PendingCounts::flush)
                .orElseGet(() -> new PendingCounts(jdbc, true));
    }

    /**
     * Records a discover page: it counts once, if it is a first pass's and its row is new; each of its movies
     * without a row in its year gets one, counted as discovered.
     */
    void page(PageDiscovered event, Instant at) {
        Page page = new Page(new PageKey(event.year(), event.window().from(), event.window().to(), event.page()),
                event.pass() == 1, event.movies().stream().mapToInt(ListedMovie::tmdbId).toArray(), at);
        pending(page, page.movies().length);
    }

    /** Records a movie's latest outcome in its year, counted when the pending pages and outcomes are written. */
    void outcome(int year, int tmdbId, String outcome, Instant at) {
        pending(new Outcome(new MovieKey(year, tmdbId), outcome, at), 1);
    }

    private void pending(Change change, int movies) {
        changes.add(change);
        pendingMovies += movies;
        if (flushEachChange) {
            flush();
        } else if (pendingMovies >= MOVIES_PER_WRITE) {
            flushPagesAndOutcomes();
        }
    }

    /** Adds to the year's pending counts, written by {@link #flush()}. */
    private void count(int year, int pagesDone, int discovered, int imported, int skipped, int failed, Instant at) {
        Delta delta = byYear.computeIfAbsent(year, y -> new Delta());
        delta.pagesDone += pagesDone;
        delta.discovered += discovered;
        delta.imported += imported;
        delta.skipped += skipped;
        delta.failed += failed;
        // An event given again, older than the batch's last, leaves the time of the last change where it is.
        delta.at = delta.at == null || at.isAfter(delta.at) ? at : delta.at;
    }

    /**
     * Applies the pending pages and outcomes exactly as if each had been written on its own and in order: the
     * movies' rows are read once, the first passes' pages inserted (those already there count nothing), the
     * events applied to the rows in memory (a page's movie without a row is discovered; an outcome moves its movie
     * from its previous outcome's count, if any, to the new one's), and the rows that changed written back with
     * one statement.
     */
    private void flushPagesAndOutcomes() {
        if (changes.isEmpty()) {
            return;
        }
        List<Change> pending = List.copyOf(changes);
        changes.clear();
        pendingMovies = 0;
        Map<MovieKey, Optional<String>> stored = storedMovies(pending);
        Set<PageKey> insertedPages = insertPages(pending);
        // A movie without a row is absent from the map; a movie listed by a page but without outcome maps to empty.
        Map<MovieKey, Optional<String>> recorded = new LinkedHashMap<>(stored);
        Map<MovieKey, Optional<String>> changed = new LinkedHashMap<>();
        for (Change change : pending) {
            if (change instanceof Page page) {
                int discovered = 0;
                for (int tmdbId : page.movies()) {
                    MovieKey movie = new MovieKey(page.key().year(), tmdbId);
                    if (!recorded.containsKey(movie)) {
                        recorded.put(movie, Optional.empty());
                        changed.put(movie, Optional.empty());
                        discovered++;
                    }
                }
                // The same page twice in the batch counts once, as its row is new only the first time.
                boolean counted = page.firstPass() && insertedPages.remove(page.key());
                count(page.key().year(), counted ? 1 : 0, discovered, 0, 0, 0, page.at());
            } else if (change instanceof Outcome outcome) {
                Optional<String> before = recorded.get(outcome.movie());
                Optional<String> previous = before == null ? Optional.empty() : before;
                if (previous.filter(outcome.outcome()::equals).isPresent()) {
                    continue;
                }
                count(outcome.movie().year(), 0, before == null ? 1 : 0,
                        delta("imported", outcome.outcome(), previous), delta("skipped", outcome.outcome(), previous),
                        delta("failed", outcome.outcome(), previous), outcome.at());
                recorded.put(outcome.movie(), Optional.of(outcome.outcome()));
                changed.put(outcome.movie(), Optional.of(outcome.outcome()));
            }
        }
        changed.entrySet().removeIf(movie -> movie.getValue().equals(stored.get(movie.getKey())));
        if (changed.isEmpty()) {
            return;
        }
        // A movie never goes back to no outcome: a row written without one had none when read, and keeps one that
        // another writer recorded since (only one should write a year: its events are one sequence).
        jdbc.sql("""
                        INSERT INTO year_progress_movie (year, tmdb_id, outcome)
                        SELECT * FROM unnest(CAST(:years AS int[]), CAST(:ids AS int[]), CAST(:outcomes AS text[]))
                        ON CONFLICT (year, tmdb_id)
                        DO UPDATE SET outcome = COALESCE(EXCLUDED.outcome, year_progress_movie.outcome)""")
                .param("years", changed.keySet().stream().map(MovieKey::year).toArray(Integer[]::new))
                .param("ids", changed.keySet().stream().map(MovieKey::tmdbId).toArray(Integer[]::new))
                .param("outcomes", changed.values().stream().map(outcome -> outcome.orElse(null))
                        .toArray(String[]::new))
                .update();
    }

    /** The rows of the movies the changes name, each with its outcome (empty: listed by a page, no outcome yet). */
    private Map<MovieKey, Optional<String>> storedMovies(List<Change> pending) {
        Set<MovieKey> keys = new LinkedHashSet<>();
        for (Change change : pending) {
            if (change instanceof Page page) {
                IntStream.of(page.movies()).forEach(tmdbId -> keys.add(new MovieKey(page.key().year(), tmdbId)));
            } else if (change instanceof Outcome outcome) {
                keys.add(outcome.movie());
            }
        }
        Map<MovieKey, Optional<String>> stored = new HashMap<>();
        if (keys.isEmpty()) {
            return stored;
        }
        jdbc.sql("""
                        SELECT movie.year, movie.tmdb_id, movie.outcome
                          FROM year_progress_movie movie
                          JOIN unnest(CAST(:years AS int[]), CAST(:ids AS int[])) AS pending (year, tmdb_id)
                               USING (year, tmdb_id)""")
                .param("years", keys.stream().map(MovieKey::year).toArray(Integer[]::new))
                .param("ids", keys.stream().map(MovieKey::tmdbId).toArray(Integer[]::new))
                .query(rs -> {
                    stored.put(new MovieKey(rs.getInt("year"), rs.getInt("tmdb_id")),
                            Optional.ofNullable(rs.getString("outcome")));
                });
        return stored;
    }

    /** Inserts the rows of the first passes' pages; the pages whose rows are new, each once. */
    private Set<PageKey> insertPages(List<Change> pending) {
        Set<PageKey> pages = new LinkedHashSet<>();
        for (Change change : pending) {
            if (change instanceof Page page && page.firstPass()) {
                pages.add(page.key());
            }
        }
        Set<PageKey> inserted = new HashSet<>();
        if (pages.isEmpty()) {
            return inserted;
        }
        jdbc.sql("""
                        INSERT INTO year_progress_page (year, window_from, window_to, page)
                        SELECT * FROM unnest(CAST(:years AS int[]), CAST(:froms AS date[]), CAST(:tos AS date[]),
                                             CAST(:pages AS int[]))
                        ON CONFLICT DO NOTHING
                        RETURNING year, window_from, window_to, page""")
                .param("years", pages.stream().map(PageKey::year).toArray(Integer[]::new))
                .param("froms", pages.stream().map(page -> page.from().toString()).toArray(String[]::new))
                .param("tos", pages.stream().map(page -> page.to().toString()).toArray(String[]::new))
                .param("pages", pages.stream().map(PageKey::page).toArray(Integer[]::new))
                .query(rs -> {
                    inserted.add(new PageKey(rs.getInt("year"), rs.getObject("window_from", LocalDate.class),
                            rs.getObject("window_to", LocalDate.class), rs.getInt("page")));
                });
        return inserted;
    }

    /** Writes every pending change; done before the batch commits and before counts are set outright. */
    void flush() {
        flushPagesAndOutcomes();
        byYear.forEach((year, delta) -> jdbc.sql("""
                        UPDATE year_progress
                           SET pages_done = pages_done + :pagesDone, discovered = discovered + :discovered,
                               imported = imported + :imported, skipped = skipped + :skipped, failed = failed + :failed,
                               last_progress_at = GREATEST(last_progress_at, :at)
                         WHERE year = :year""")
                .param("year", year).param("pagesDone", delta.pagesDone).param("discovered", delta.discovered)
                .param("imported", delta.imported).param("skipped", delta.skipped).param("failed", delta.failed)
                .param("at", OffsetDateTime.ofInstant(delta.at, ZoneOffset.UTC))
                .update());
        byYear.clear();
    }

    private static int delta(String count, String outcome, Optional<String> before) {
        return (count.equals(outcome) ? 1 : 0) - (before.filter(count::equals).isPresent() ? 1 : 0);
    }

    private record MovieKey(int year, int tmdbId) {
    }

    private record PageKey(int year, LocalDate from, LocalDate to, int page) {
    }

    private sealed interface Change permits Page, Outcome {
    }

    private record Page(PageKey key, boolean firstPass, int[] movies, Instant at) implements Change {
    }

    private record Outcome(MovieKey movie, String outcome, Instant at) implements Change {
    }

    private static final class Delta {
        int pagesDone;
        int discovered;
        int imported;
        int skipped;
        int failed;
        Instant at;
    }
}
