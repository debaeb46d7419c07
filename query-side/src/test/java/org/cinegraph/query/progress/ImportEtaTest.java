package org.cinegraph.query.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.cinegraph.kernel.settings.ImportRange;
import org.junit.jupiter.api.Test;

/** The ETA from the measured import rate, on a fixture clock. */
class ImportEtaTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final ImportRange RANGE = new ImportRange(2026, 2020);

    @Test
    void theRateIsMoviesWithAnOutcomePerSecondOfTheLatestImports() {
        // 1,000 movies in 100 s, then 500 of a running year in the 50 s since it started: 10 movies a second.
        List<YearProgress> years = List.of(completed(2026, 1_000, Duration.ofSeconds(100)),
                importing(2025, 500, Duration.ofSeconds(50)));

        assertThat(ImportEta.moviesPerSecond(years, NOW)).contains(10.0);
    }

    @Test
    void aContinuousImportTakesTheRemainingMoviesAtThatRate() {
        List<YearProgress> years = List.of(completed(2026, 1_000, Duration.ofSeconds(100)));

        // 20,000 listed by TMDb, 1,000 done, 10 a second.
        assertThat(ImportEta.seconds(years, Optional.of(20_000L), RANGE, true, NOW)).contains(1_900L);
    }

    @Test
    void anImportOfOneYearPerTriggerNeedsADayForEachYearStillToStart() {
        List<YearProgress> years = List.of(completed(2026, 1_000, Duration.ofSeconds(100)));

        // Six years left; the first starts at the next trigger, the last five days after it.
        long eta = ImportEta.seconds(years, Optional.of(20_000L), RANGE, false, NOW).orElseThrow();
        assertThat(eta).isEqualTo(5 * 86_400L + 1_900L / 6);
    }

    @Test
    void unknownUntilARateAndTmdbsTotalAreKnown() {
        assertThat(ImportEta.seconds(List.of(), Optional.of(20_000L), RANGE, true, NOW)).isEmpty();
        assertThat(ImportEta.seconds(List.of(completed(2026, 1_000, Duration.ofSeconds(100))), Optional.empty(),
                RANGE, true, NOW)).isEmpty();
        // A few seconds measure no rate.
        assertThat(ImportEta.seconds(List.of(importing(2026, 30, Duration.ofSeconds(3))), Optional.of(20_000L),
                RANGE, true, NOW)).isEmpty();
    }

    @Test
    void noneLeftOnceEveryYearOfTheRangeIsCompleted() {
        ImportRange twoYears = new ImportRange(2026, 2025);
        List<YearProgress> years = List.of(completed(2026, 1_000, Duration.ofSeconds(100)),
                completed(2025, 900, Duration.ofSeconds(90)));

        assertThat(ImportEta.seconds(years, Optional.of(2_000_000L), twoYears, true, NOW)).contains(0L);
    }

    private static YearProgress completed(int year, int movies, Duration took) {
        Instant started = NOW.minus(Duration.ofHours(2026 - year + 1));
        return new YearProgress(year, "completed", movies, movies, movies - 100, 100, 0, 10, 10, started,
                started.plus(took), null, started.plus(took));
    }

    private static YearProgress importing(int year, int movies, Duration running) {
        return new YearProgress(year, "importing", 10_000, movies, movies, 0, 0, 10, 1, NOW.minus(running), null,
                null, NOW.minusSeconds(1));
    }
}
