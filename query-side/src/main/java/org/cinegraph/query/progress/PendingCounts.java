package org.cinegraph.query.progress;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cinegraph.query.writes.CurrentBatch;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the current batch of events changed in year progress and has not written yet: the movies' outcomes,
 * and the changes to the counts of {@code year_progress} per year. The outcomes are written with two statements
 * per run of outcome events, the counts with one update per year when the batch commits (or earlier, before a
 * write that needs them). One statement per movie cost more than the work it did, and updating the year's row
 * once per movie would leave a version of the row per movie in the batch's transaction, each found by walking
 * the ones before it.
 */
final class PendingCounts {

    private static final String RESOURCE = PendingCounts.class.getName();

    private final JdbcClient jdbc;
    private final boolean flushEachChange;
    private final Map<Integer, Delta> byYear = new LinkedHashMap<>();
    private final List<Outcome> outcomes = new ArrayList<>();

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

    /** Records a movie's latest outcome in its year, counted when the outcomes are flushed. */
    void outcome(int year, int tmdbId, String outcome, Instant at) {
        outcomes.add(new Outcome(new MovieKey(year, tmdbId), outcome, at));
        if (flushEachChange) {
            flush();
        }
    }

    void add(int year, int pagesDone, int discovered, int imported, int skipped, int failed, Instant at) {
        Delta delta = byYear.computeIfAbsent(year, y -> new Delta());
        delta.pagesDone += pagesDone;
        delta.discovered += discovered;
        delta.imported += imported;
        delta.skipped += skipped;
        delta.failed += failed;
        // An event given again, older than the batch's last, leaves the time of the last change where it is.
        delta.at = delta.at == null || at.isAfter(delta.at) ? at : delta.at;
        if (flushEachChange) {
            flush();
        }
    }

    /**
     * Moves each movie from its previous outcome's count, if any, to its new one's, exactly as if each outcome
     * had been written on its own and in order: the movies' rows are read once, the outcomes applied to them in
     * memory, and the rows that changed written back with one statement.
     */
    void flushOutcomes() {
        if (outcomes.isEmpty()) {
            return;
        }
        List<Outcome> pending = List.copyOf(outcomes);
        outcomes.clear();
        Set<MovieKey> keys = new LinkedHashSet<>();
        pending.forEach(outcome -> keys.add(outcome.movie()));
        // A movie without a row is absent from the map; a movie listed by a page but without outcome maps to empty.
        Map<MovieKey, Optional<String>> recorded = new HashMap<>();
        jdbc.sql("""
                        SELECT movie.year, movie.tmdb_id, movie.outcome
                          FROM year_progress_movie movie
                          JOIN unnest(CAST(:years AS int[]), CAST(:ids AS int[])) AS pending (year, tmdb_id)
                               USING (year, tmdb_id)""")
                .param("years", keys.stream().map(MovieKey::year).toArray(Integer[]::new))
                .param("ids", keys.stream().map(MovieKey::tmdbId).toArray(Integer[]::new))
                .query(rs -> {
                    recorded.put(new MovieKey(rs.getInt("year"), rs.getInt("tmdb_id")),
                            Optional.ofNullable(rs.getString("outcome")));
                });
        Map<MovieKey, String> changed = new LinkedHashMap<>();
        for (Outcome outcome : pending) {
            Optional<String> before = recorded.get(outcome.movie());
            Optional<String> previous = before == null ? Optional.empty() : before;
            if (previous.filter(outcome.outcome()::equals).isPresent()) {
                continue;
            }
            add(outcome.movie().year(), 0, before == null ? 1 : 0, delta("imported", outcome.outcome(), previous),
                    delta("skipped", outcome.outcome(), previous), delta("failed", outcome.outcome(), previous),
                    outcome.at());
            recorded.put(outcome.movie(), Optional.of(outcome.outcome()));
            changed.put(outcome.movie(), outcome.outcome());
        }
        if (changed.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO year_progress_movie (year, tmdb_id, outcome)
                        SELECT * FROM unnest(CAST(:years AS int[]), CAST(:ids AS int[]), CAST(:outcomes AS text[]))
                        ON CONFLICT (year, tmdb_id) DO UPDATE SET outcome = EXCLUDED.outcome""")
                .param("years", changed.keySet().stream().map(MovieKey::year).toArray(Integer[]::new))
                .param("ids", changed.keySet().stream().map(MovieKey::tmdbId).toArray(Integer[]::new))
                .param("outcomes", changed.values().toArray(String[]::new))
                .update();
    }

    /** Writes every pending change; done before the batch commits and before counts are set outright. */
    void flush() {
        flushOutcomes();
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

    private record Outcome(MovieKey movie, String outcome, Instant at) {
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
