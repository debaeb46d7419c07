package org.cinegraph.query.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.cinegraph.events.ImportTrigger;
import org.cinegraph.events.YearImportStarted;
import org.cinegraph.query.testing.ProjectionDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

class YearProgressProjectionTest {

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
}
