package org.cinegraph.query.movies;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.cinegraph.events.MovieImportFailed;
import org.cinegraph.events.MovieImported;
import org.cinegraph.events.MovieSkipped;
import org.cinegraph.query.testing.Batches;
import org.cinegraph.query.testing.ProjectionDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The movies, skipped and failures projections write a batch's rows together, the last write per key; whatever
 * the batches, the tables must hold exactly what applying each event on its own gives.
 */
class MovieOutcomeBatchesTest {

    private final JdbcClient jdbc = ProjectionDatabase.jdbc();
    private final MoviesProjection movies = new MoviesProjection(jdbc);
    private final SkippedImportsProjection skipped = new SkippedImportsProjection(jdbc, new ObjectMapper());
    private final ImportFailuresProjection failures = new ImportFailuresProjection(jdbc);
    private final Instant start = Instant.parse("2026-11-23T10:00:00Z");

    @ParameterizedTest(name = "batches of {0}")
    @ValueSource(ints = {1, 2, 3, 4, 1000})
    void anyBatchesGiveTheRowsOfOneEventAtATime(int size) {
        List<Runnable> events = events();
        reset();
        Batches.apply(events, 0);
        List<String> oneByOne = tables();

        reset();
        Batches.apply(events, size);

        assertThat(tables()).isEqualTo(oneByOne);
        assertThat(yearCounts()).as("each year's count, kept by the projection")
                .isEqualTo(jdbc.sql("""
                                SELECT year, count(*)::int AS movies FROM movies
                                 WHERE year IS NOT NULL GROUP BY year ORDER BY year""")
                        .query().listOfRows())
                .isNotEmpty();
        assertThat(oneByOne.get(0)).contains("Second title").contains(",101,fr)");
        assertThat(oneByOne.get(1)).contains("{vote_count}").contains("{}").doesNotContain("Movie 1");
        assertThat(oneByOne.get(2)).contains("list:canon").contains("Gone again");
    }

    /**
     * A movie skipped, failed, imported and imported again, from two sources, in every order; one imported again
     * with another year, which moves it from one year's count to the other's.
     */
    private List<Runnable> events() {
        List<Runnable> events = new ArrayList<>();
        at(events, at -> failures.on(failed(1, "year_import", 1, "Not there"), at));
        at(events, at -> skipped.on(skipped(1, List.of("vote_count", "popularity")), at));
        at(events, at -> failures.on(skippedFrom(1, "year_import")));
        at(events, at -> failures.on(failed(2, "year_import", 1, "Gone"), at));
        at(events, at -> failures.on(failed(2, "list:canon", 2, "Gone again"), at));
        at(events, at -> failures.on(failed(2, "year_import", 3, "Gone for good"), at));
        at(events, importing(events.size(), 2, "First title"));
        at(events, importing(events.size(), 2, "Second title"));
        at(events, at -> skipped.on(skipped(3, List.of()), at));
        at(events, at -> skipped.on(skipped(4, List.of("runtime")), at));
        at(events, importing(events.size(), 4, "Imported after a skip"));
        at(events, at -> skipped.on(skipped(4, List.of("vote_count")), at));
        at(events, importing(events.size(), 1, "Imported at last"));
        at(events, at -> failures.on(failed(5, "year_import", 1, "Timeout"), at));
        at(events, at -> movies.on(new MovieImported(6, "tt6", "Counted in 2023", null, 2023, "year_import",
                "{\"id\": 6}"), at));
        at(events, at -> movies.on(new MovieImported(6, "tt6", "Counted in 2025", null, 2025, "year_import",
                "{\"id\": 6}"), at));
        return events;
    }

    /** An import whose release date and year depend on where it is in the list, so some of each are null. */
    private Consumer<Instant> importing(int index, int id, String title) {
        return at -> imported(index, id, title, at);
    }

    private void imported(int index, int id, String title, Instant at) {
        MovieImported event = new MovieImported(id, "tt" + id, title, index % 2 == 0 ? LocalDate.of(2024, 5, 1) : null,
                index % 3 == 0 ? null : 2024, "year_import",
                "{\"id\": " + id + ", \"runtime\": 101, \"popularity\": 7.5, \"vote_count\": 12, \"title\": \""
                        + title + "\", \"original_language\": \"fr\"}");
        movies.on(event, at);
        skipped.on(event);
        failures.on(event);
    }

    private void at(List<Runnable> events, Consumer<Instant> handler) {
        Instant at = start.plusSeconds(events.size());
        events.add(() -> handler.accept(at));
    }

    private void reset() {
        movies.reset();
        skipped.reset();
        failures.reset();
    }

    private List<Map<String, Object>> yearCounts() {
        return jdbc.sql("SELECT year, movies FROM movie_year_counts WHERE movies <> 0 ORDER BY year").query()
                .listOfRows();
    }

    private List<String> tables() {
        return List.of(Batches.rows(jdbc, "movies", "tmdb_id"), Batches.rows(jdbc, "skipped_imports", "tmdb_id"),
                Batches.rows(jdbc, "import_failures", "source, tmdb_id"));
    }

    private static MovieSkipped skipped(int id, List<String> criteria) {
        return new MovieSkipped(id, "tt" + id, "Movie " + id, 2024, "year_import", MovieSkipped.QUALITY_FILTER,
                criteria);
    }

    private static MovieSkipped skippedFrom(int id, String source) {
        return new MovieSkipped(id, null, "Movie " + id, 2024, source, MovieSkipped.QUALITY_FILTER, List.of());
    }

    private static MovieImportFailed failed(int id, String source, int attempt, String detail) {
        return new MovieImportFailed(id, null, "Movie " + id, 2024, source, MovieImportFailed.NOT_FOUND, attempt,
                detail);
    }
}
