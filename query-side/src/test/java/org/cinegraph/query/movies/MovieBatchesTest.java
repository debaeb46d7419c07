package org.cinegraph.query.movies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cinegraph.query.testing.MovieOutcomes.imported;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.cinegraph.events.MovieImported;
import org.cinegraph.query.testing.BatchSizes;
import org.cinegraph.query.testing.Batches;
import org.cinegraph.query.testing.Batches.Table;
import org.cinegraph.query.testing.ProjectionDatabase;
import org.cinegraph.query.testing.Timeline;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The movies projection writes a batch's rows together, the last write per key, and counts each year's movies as
 * it writes them; whatever the batches, the tables must hold exactly what applying each event on its own gives.
 */
class MovieBatchesTest {

    private final JdbcClient jdbc = ProjectionDatabase.jdbc();
    private final MoviesProjection movies = new MoviesProjection(jdbc);

    @BatchSizes
    void anyBatchesGiveTheRowsOfOneEventAtATime(int size) {
        List<String> oneByOne = Batches.sameRowsInBatchesOf(size, events(), movies::reset,
                new Table("movies", "tmdb_id"));

        assertThat(yearCounts()).as("each year's count, kept by the projection")
                .isEqualTo(jdbc.sql("""
                                SELECT year, count(*)::int AS movies FROM movies
                                 WHERE year IS NOT NULL GROUP BY year ORDER BY year""")
                        .query().listOfRows())
                .isNotEmpty();
        assertThat(oneByOne.get(0)).contains("Second title").contains(",101,fr)");
    }

    /**
     * A movie imported twice, others once, with and without a release date and a year; one imported again with
     * another year, which moves it from one year's count to the other's.
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
}
