package org.cinegraph.query.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import org.cinegraph.events.DateWindow;
import org.cinegraph.events.ImportTrigger;
import org.cinegraph.events.ListedMovie;
import org.cinegraph.events.MovieImportFailed;
import org.cinegraph.events.MovieImported;
import org.cinegraph.events.MovieSkipped;
import org.cinegraph.events.PageDiscovered;
import org.cinegraph.events.YearImportCompleted;
import org.cinegraph.events.YearImportStarted;
import org.cinegraph.query.testing.BatchSizes;
import org.cinegraph.query.testing.Batches;
import org.cinegraph.query.testing.Batches.Table;
import org.cinegraph.query.testing.ProjectionDatabase;
import org.cinegraph.query.testing.Timeline;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Year progress writes a batch's pages and outcomes together; whatever the batches, the rows must be exactly those
 * that applying each event on its own gives, the time of the last change included.
 */
class YearProgressBatchesTest {

    private final JdbcClient jdbc = ProjectionDatabase.jdbc();
    private final YearProgressProjection projection = new YearProgressProjection(jdbc);

    @BatchSizes
    void anyBatchesGiveTheRowsOfOneEventAtATime(int size) {
        List<String> oneByOne = Batches.sameRowsInBatchesOf(size, events(), projection::reset,
                new Table("year_progress", "year"), new Table("year_progress_movie", "year, tmdb_id"),
                new Table("year_progress_page", "year, window_from, window_to, page"));

        assertThat(oneByOne.get(0)).contains("2024,completed").contains("2023,importing");
    }

    /**
     * Pages and outcomes naming more movies than wait to be written (pages of 1,000 movies): a batch of them is
     * written in several goes, in order, and gives the rows of one event at a time; so does the year started again
     * while pages wait, some written already, and a page given again after that.
     */
    @BatchSizes
    void batchesNamingMoreMoviesThanWaitGiveTheSameRows(int size) {
        int perPage = PendingCounts.MOVIES_PER_WRITE / 2;
        Timeline events = new Timeline(Instant.parse("2026-11-23T10:00:00Z"));
        events.then(at -> projection.on(new YearImportStarted(2022, ImportTrigger.SCHEDULE), at));
        IntStream.range(0, 3).forEach(page -> events.then(at -> projection.on(page(2022, 1, page + 1,
                IntStream.rangeClosed(page * perPage + 1, (page + 1) * perPage).toArray()), at)));
        events.then(at -> projection.on(failed(5, 2022), at));
        events.then(at -> projection.on(imported(2050, 2022), at));
        IntStream.rangeClosed(1, 30).forEach(id -> events.then(at -> projection.on(imported(id, 2022), at)));
        IntStream.rangeClosed(31, 40).forEach(id -> events.then(at -> projection.on(skipped(id, 2022), at)));
        events.then(at -> projection.on(page(2022, 1, 1,
                IntStream.concat(IntStream.rangeClosed(1, perPage), IntStream.of(5000)).toArray()), at));
        events.then(at -> projection.on(new YearImportStarted(2022, ImportTrigger.ADMIN), at));
        events.then(at -> projection.on(page(2022, 1, 1, IntStream.rangeClosed(1, perPage).toArray()), at));
        events.then(at -> projection.on(page(2022, 1, 4,
                IntStream.rangeClosed(3 * perPage + 1, 4 * perPage).toArray()), at));
        events.then(at -> projection.on(skipped(4 * perPage, 2022), at));
        events.then(at -> projection.on(imported(5000, 2022), at));
        events.then(at -> projection.on(imported(6000, 2022), at));
        events.then(at -> projection.on(new YearImportCompleted(2022, 4 * perPage + 2, 33, 11, 1), at));

        List<String> oneByOne = Batches.sameRowsInBatchesOf(size, events.calls(), projection::reset,
                new Table("year_progress", "year"), new Table("year_progress_movie", "year, tmdb_id"),
                new Table("year_progress_page", "year, window_from, window_to, page"));

        assertThat(oneByOne.get(0)).contains("(2022,completed");
        assertThat(oneByOne.get(1).lines()).hasSize(4 * perPage + 2);
        assertThat(oneByOne.get(2).lines()).hasSize(2);
    }

    /**
     * Outcomes before and after their page, changed, repeated, for two years at once and for no year; a page again,
     * in a later batch and in the same one (with a movie more).
     */
    private List<Runnable> events() {
        Timeline events = new Timeline(Instant.parse("2026-11-23T10:00:00Z"));
        events.then(at -> projection.on(new YearImportStarted(2024, ImportTrigger.ADMIN), at));
        events.then(at -> projection.on(skipped(1, 2024), at));
        events.then(at -> projection.on(page(2024, 1, 1, 2, 3, 4), at));
        events.then(at -> projection.on(imported(2, 2024), at));
        events.then(at -> projection.on(new YearImportStarted(2023, ImportTrigger.SCHEDULE), at));
        events.then(at -> projection.on(skipped(3, 2024), at));
        events.then(at -> projection.on(failed(4, 2024), at));
        events.then(at -> projection.on(imported(3, 2023), at));
        events.then(at -> projection.on(imported(4, 2024), at));
        events.then(at -> projection.on(imported(4, 2024), at));
        events.then(at -> projection.on(skipped(2, 2024), at));
        events.then(at -> projection.on(imported(2, 2024), at));
        events.then(at -> projection.on(page(2024, 2, 2, 5, 6), at));
        events.then(at -> projection.on(page(2024, 2, 1, 2, 3), at));
        events.then(at -> projection.on(page(2024, 1, 1, 2, 3, 4), at));
        events.then(at -> projection.on(failed(5, 2024), at));
        events.then(at -> projection.on(imported(7, null), at));
        events.then(at -> projection.on(imported(6, 2024), at));
        events.then(at -> projection.on(page(2023, 1, 3, 8), at));
        events.then(at -> projection.on(page(2023, 1, 3, 8, 10), at));
        events.then(at -> projection.on(skipped(8, 2023), at));
        events.then(at -> projection.on(skipped(8, 2023), at));
        IntStream.rangeClosed(1, 3).forEach(i -> events.then(at -> projection.on(imported(4, 2024), at)));
        events.then(at -> projection.on(new YearImportCompleted(2024, 6, 3, 1, 1), at));
        events.then(at -> projection.on(failed(9, 2023), at));
        return events.calls();
    }

    private static PageDiscovered page(int year, int pass, int page, int... ids) {
        List<ListedMovie> movies = IntStream.of(ids).mapToObj(id -> new ListedMovie(id, "Movie " + id,
                LocalDate.of(year, 5, 1))).toList();
        return new PageDiscovered(year, DateWindow.wholeYear(year), pass, page, 3, 60, movies);
    }

    private static MovieImported imported(int id, Integer year) {
        return new MovieImported(id, "tt" + id, "Movie " + id, LocalDate.of(2024, 5, 1), year, "year_import", "{}");
    }

    private static MovieSkipped skipped(int id, int year) {
        return new MovieSkipped(id, null, "Movie " + id, year, "year_import", MovieSkipped.QUALITY_FILTER,
                List.of("vote_count"));
    }

    private static MovieImportFailed failed(int id, int year) {
        return new MovieImportFailed(id, null, "Movie " + id, year, "year_import", MovieImportFailed.NOT_FOUND, 1,
                "404");
    }
}
