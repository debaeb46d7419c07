package org.cinegraph.query.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.cinegraph.events.DateWindow;
import org.cinegraph.events.ImportTrigger;
import org.cinegraph.events.ListedMovie;
import org.cinegraph.events.MovieImported;
import org.cinegraph.events.PageDiscovered;
import org.cinegraph.events.PlannedWindow;
import org.cinegraph.events.YearImportPlanned;
import org.cinegraph.events.YearImportStarted;
import org.cinegraph.query.testing.Batches;
import org.cinegraph.query.testing.ProjectionDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

class YearProgressProjectionTest {

    private static final DateWindow JANUARY = new DateWindow(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 6, 30));
    private static final DateWindow JULY = new DateWindow(LocalDate.of(2024, 7, 1), LocalDate.of(2024, 12, 31));

    private final JdbcClient jdbc = ProjectionDatabase.jdbc();
    private final YearProgressProjection projection = new YearProgressProjection(jdbc);
    private final YearProgressRepository progress = ProjectionDatabase.repository(YearProgressRepository.class);
    private final Instant startedAt = Instant.parse("2026-11-23T10:00:00Z");

    @BeforeEach
    void startEmpty() {
        projection.reset();
    }

    @Test
    void aStartedYearIsImportingFromItsStartWithNothingCountedYet() {
        projection.on(new YearImportStarted(2024, ImportTrigger.ADMIN), startedAt);

        assertThat(progress.findByYear(2024)).contains(new YearProgress(
                2024, "importing", null, 0, 0, 0, 0, null, 0, startedAt, null, null, startedAt));
    }

    @Test
    void applyingTheSameStartTwiceLeavesOneRow() {
        YearImportStarted started = new YearImportStarted(2024, ImportTrigger.ADMIN);
        projection.on(started, startedAt);
        projection.on(started, startedAt);

        assertThat(progress.allNewestFirst()).hasSize(1);
        assertThat(progress.findByYear(2024)).get().extracting(YearProgress::startedAt).isEqualTo(startedAt);
    }

    @Test
    void yearsListNewestFirst() {
        projection.on(new YearImportStarted(2019, ImportTrigger.ADMIN), startedAt);
        projection.on(new YearImportStarted(2024, ImportTrigger.ADMIN), startedAt);
        projection.on(new YearImportStarted(2021, ImportTrigger.ADMIN), startedAt);

        assertThat(progress.allNewestFirst()).extracting(YearProgress::year).containsExactly(2024, 2021, 2019);
    }

    @Test
    void aPageGivenAgainCountsOnce() {
        startAndPlan();
        PageDiscovered first = page(JANUARY, 1, 1, 1, 2);
        projection.on(first, startedAt.plusSeconds(2));
        projection.on(first, startedAt.plusSeconds(2));

        assertThat(pagesDiscoveredAndLastProgress()).containsExactly(1, 2, startedAt.plusSeconds(2));
    }

    @Test
    void aPageGivenAgainAfterLaterEventsChangesNothing() {
        startAndPlan();
        PageDiscovered first = page(JANUARY, 1, 1, 1, 2);
        projection.on(first, startedAt.plusSeconds(2));
        projection.on(page(JANUARY, 1, 2, 3), startedAt.plusSeconds(3));
        projection.on(page(JULY, 1, 1, 4), startedAt.plusSeconds(4));
        projection.on(imported(1), startedAt.plusSeconds(5));
        YearProgress before = progress.findByYear(2024).orElseThrow();

        projection.on(first, startedAt.plusSeconds(2));

        assertThat(progress.findByYear(2024)).contains(before);
        assertThat(before.pagesDone()).isEqualTo(3);
        assertThat(before.discovered()).isEqualTo(4);
    }

    @Test
    void aPageGivenAgainInTheSameBatchOrALaterOneCountsOnce() {
        startAndPlan();
        PageDiscovered first = page(JANUARY, 1, 1, 1, 2);
        List<Runnable> calls = new ArrayList<>();
        calls.add(() -> projection.on(first, startedAt.plusSeconds(2)));
        calls.add(() -> projection.on(page(JANUARY, 1, 2, 3), startedAt.plusSeconds(3)));
        calls.add(() -> projection.on(first, startedAt.plusSeconds(2)));
        calls.add(() -> projection.on(page(JULY, 1, 1, 4), startedAt.plusSeconds(4)));
        calls.add(() -> projection.on(first, startedAt.plusSeconds(2)));

        Batches.apply(calls, 3);

        assertThat(pagesDiscoveredAndLastProgress()).containsExactly(3, 4, startedAt.plusSeconds(4));
    }

    @Test
    void aPageReadAgainInALaterPassCountsNoPage() {
        startAndPlan();
        projection.on(page(JANUARY, 1, 1, 1, 2), startedAt.plusSeconds(2));
        projection.on(page(JANUARY, 2, 1, 1, 5), startedAt.plusSeconds(3));

        assertThat(pagesDiscoveredAndLastProgress()).containsExactly(1, 3, startedAt.plusSeconds(3));
    }

    @Test
    void theStartGivenAgainAfterItsPagesKeepsThem() {
        startAndPlan();
        projection.on(page(JANUARY, 1, 1, 1, 2), startedAt.plusSeconds(2));
        YearProgress before = progress.findByYear(2024).orElseThrow();

        projection.on(new YearImportStarted(2024, ImportTrigger.ADMIN), startedAt);

        assertThat(progress.findByYear(2024)).contains(before);
        assertThat(before.pagesDone()).isEqualTo(1);
        assertThat(before.pagesTotal()).isEqualTo(3);
    }

    @Test
    void aLaterRunOfTheYearCountsItsPagesFromNothing() {
        startAndPlan();
        projection.on(page(JANUARY, 1, 1, 1, 2), startedAt.plusSeconds(2));
        projection.on(page(JANUARY, 1, 2, 3), startedAt.plusSeconds(3));
        Instant again = startedAt.plusSeconds(3_600);

        projection.on(new YearImportStarted(2024, ImportTrigger.SCHEDULE), again);
        projection.on(page(JANUARY, 1, 1, 1, 2), again.plusSeconds(1));

        assertThat(progress.findByYear(2024)).get()
                .extracting(YearProgress::status, YearProgress::startedAt, YearProgress::pagesDone)
                .containsExactly("importing", again, 1);
    }

    private List<Object> pagesDiscoveredAndLastProgress() {
        YearProgress year = progress.findByYear(2024).orElseThrow();
        return List.of(year.pagesDone(), year.discovered(), year.lastProgressAt());
    }

    private void startAndPlan() {
        projection.on(new YearImportStarted(2024, ImportTrigger.ADMIN), startedAt);
        projection.on(new YearImportPlanned(2024, 50, List.of(new PlannedWindow(JANUARY, 30, 2),
                new PlannedWindow(JULY, 20, 1))), startedAt.plusSeconds(1));
    }

    private static PageDiscovered page(DateWindow window, int pass, int page, int... ids) {
        List<ListedMovie> movies = IntStream.of(ids).mapToObj(id -> new ListedMovie(id, "Movie " + id,
                window.from())).toList();
        return new PageDiscovered(2024, window, pass, page, 2, 30, movies);
    }

    private static MovieImported imported(int id) {
        return new MovieImported(id, "tt" + id, "Movie " + id, LocalDate.of(2024, 5, 1), 2024, "year_import", "{}");
    }
}
