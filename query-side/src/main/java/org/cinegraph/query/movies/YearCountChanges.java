package org.cinegraph.query.movies;

import java.util.Map;
import java.util.TreeMap;
import org.cinegraph.query.writes.CurrentBatch;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a batch of the movies projection changed in each year's count of movies ({@code movie_year_counts}),
 * written once, just before the batch commits and after its movies, in the order of the years: the two segments'
 * batches lock the years' rows in the same order, so neither ever waits for the other the other way round.
 * Outside a unit of work (a handler called directly) each change is written at once.
 */
final class YearCountChanges {

    private final JdbcClient jdbc;
    private final boolean writeEachAtOnce;
    private final Map<Integer, Integer> changes = new TreeMap<>();

    private YearCountChanges(JdbcClient jdbc, boolean writeEachAtOnce) {
        this.jdbc = jdbc;
        this.writeEachAtOnce = writeEachAtOnce;
    }

    /**
     * The changes of the batch being applied, written when it is about to commit: after the writes of the batch
     * registered before the first call, before those registered after it.
     */
    static YearCountChanges ofCurrentBatch(JdbcClient jdbc) {
        return CurrentBatch.state(YearCountChanges.class.getName(), () -> new YearCountChanges(jdbc, false),
                YearCountChanges::write).orElseGet(() -> new YearCountChanges(jdbc, true));
    }

    /** Adds movies to (or, negative, takes them from) the years' counts. */
    void add(Map<Integer, Integer> moviesByYear) {
        moviesByYear.forEach((year, movies) -> changes.merge(year, movies, Integer::sum));
        if (writeEachAtOnce) {
            write();
        }
    }

    private void write() {
        changes.values().removeIf(movies -> movies == 0);
        if (changes.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO movie_year_counts (year, movies)
                        SELECT year, movies
                          FROM unnest(CAST(:years AS int[]), CAST(:movies AS int[])) AS changed (year, movies)
                         ORDER BY year
                        ON CONFLICT (year) DO UPDATE SET movies = movie_year_counts.movies + EXCLUDED.movies""")
                .param("years", changes.keySet().toArray(Integer[]::new))
                .param("movies", changes.values().toArray(Integer[]::new))
                .update();
        changes.clear();
    }
}
