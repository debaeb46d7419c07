package org.cinegraph.query.movies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cinegraph.query.testing.MovieOutcomes.imported;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.cinegraph.events.MovieImported;
import org.cinegraph.events.MovieRemovedFromTmdb;
import org.cinegraph.events.MovieRestoredOnTmdb;
import org.cinegraph.query.testing.BatchSizes;
import org.cinegraph.query.testing.Batches;
import org.cinegraph.query.testing.Batches.Table;
import org.cinegraph.query.testing.ProjectionDatabase;
import org.cinegraph.query.testing.Timeline;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The movies projection writes a batch's rows together, the last write per key, and counts each year's movies, all
 * movies and the removed ones as it writes them; whatever the batches, the tables must hold exactly what applying
 * each event on its own gives, and the counts what counting the rows gives.
 */
class MovieBatchesTest {

    private static final LocalDate EXPORT = LocalDate.of(2026, 11, 22);

    private final JdbcClient jdbc = ProjectionDatabase.jdbc();
    private final MoviesProjection movies = new MoviesProjection(jdbc);

    @BatchSizes
    void anyBatchesGiveTheRowsOfOneEventAtATime(int size) {
        List<String> oneByOne = Batches.sameRowsInBatchesOf(size, events(), movies::reset,
                new Table("movies", "tmdb_id"), new Table("movie_counts", "counter"));

        assertThat(yearCounts()).as("each year's count, kept by the projection")
                .isEqualTo(jdbc.sql("""
                                SELECT year, count(*)::int AS movies FROM movies
                                 WHERE year IS NOT NULL GROUP BY year ORDER BY year""")
                        .query().listOfRows())
                .isNotEmpty();
        assertThat(counts()).as("all movies and the removed ones, kept by the projection").isEqualTo(Map.of(
                "imported", rows("SELECT count(*) FROM movies"),
                "removed", rows("SELECT count(*) FROM movies WHERE removed_from_tmdb_at IS NOT NULL")));
        assertThat(counts()).as("movies of no year count among all").containsEntry("imported", 5L)
                .containsEntry("removed", 2L);
        assertThat(oneByOne.get(0)).contains("Second title").contains(",101,fr,)");
        assertThat(removedSince()).as("removed since their first removal; restored, then removed again")
                .isEqualTo(Map.of(2, "2026-11-23 10:00:06+00", 4, "2026-11-23 10:00:11+00"));
    }

    /**
     * A movie imported twice, others once, with and without a release date and a year; one imported again with
     * another year, which moves it from one year's count to the other's. Then removals from TMDb: of a movie held,
     * twice; of one imported in the same batch as its removal (when the batch is large enough); of one never
     * imported (a skipped one: nothing changes); one restored, then removed again; one removed and restored.
     */
    private List<Runnable> events() {
        Timeline events = new Timeline(Instant.parse("2026-11-23T10:00:00Z"));
        importing(events, 2, "First title");
        importing(events, 2, "Second title");
        importing(events, 4, "Imported after a skip");
        importing(events, 1, "Imported at last");
        events.then(at -> movies.on(new MovieImported(6, "tt6", "Counted in 2023", null, 2023, "year_import",
                "{\"id\": 6}"), at));
        events.then(at -> movies.on(new MovieImported(6, "tt6", "Counted in 2025", null, 2025, "year_import",
                "{\"id\": 6}"), at));
        events.then(at -> movies.on(new MovieRemovedFromTmdb(2, EXPORT), at));
        events.then(at -> movies.on(new MovieRemovedFromTmdb(2, EXPORT.plusDays(1)), at));
        events.then(at -> movies.on(new MovieRemovedFromTmdb(3, EXPORT), at));
        events.then(at -> movies.on(new MovieRemovedFromTmdb(4, EXPORT), at));
        events.then(at -> movies.on(new MovieRestoredOnTmdb(4, EXPORT.plusDays(1))));
        events.then(at -> movies.on(new MovieRemovedFromTmdb(4, EXPORT.plusDays(2)), at));
        events.then(at -> movies.on(new MovieImported(7, "tt7", "Exported, no date", null, null, "export",
                "{\"id\": 7}"), at));
        events.then(at -> movies.on(new MovieRemovedFromTmdb(7, EXPORT.plusDays(2)), at));
        events.then(at -> movies.on(new MovieRestoredOnTmdb(7, EXPORT.plusDays(3))));
        return events.calls();
    }

    /** An import whose release date and year depend on where it is among the events, so some of each are null. */
    private void importing(Timeline events, int id, String title) {
        MovieImported event = imported(events.size(), id, title);
        events.then(at -> movies.on(event, at));
    }

    private List<Map<String, Object>> yearCounts() {
        return jdbc.sql("SELECT year, movies FROM movie_year_counts WHERE movies <> 0 ORDER BY year").query()
                .listOfRows();
    }

    private Map<String, Long> counts() {
        return jdbc.sql("SELECT counter, movies FROM movie_counts").query(
                (rs, row) -> Map.entry(rs.getString("counter"), rs.getLong("movies"))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private long rows(String count) {
        return jdbc.sql(count).query(Long.class).single();
    }

    private Map<Integer, String> removedSince() {
        return jdbc.sql("SELECT tmdb_id, CAST(removed_from_tmdb_at AS text) AS since FROM movies"
                        + " WHERE removed_from_tmdb_at IS NOT NULL")
                .query((rs, row) -> Map.entry(rs.getInt("tmdb_id"), rs.getString("since"))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
