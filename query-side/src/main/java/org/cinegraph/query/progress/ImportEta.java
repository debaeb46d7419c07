package org.cinegraph.query.progress;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.cinegraph.kernel.settings.ImportRange;

/**
 * How long until every movie TMDb lists has its outcome, from the import rate measured over the latest year
 * imports: movies with an outcome per second of their imports' running time. A continuous import goes at that
 * rate; one that takes a year per trigger needs at least a day for each year still to start.
 */
final class ImportEta {

    /** The rate is measured over this many of the latest year imports. */
    static final int MEASURED_YEARS = 5;
    /** Less running time than this measures no rate. */
    static final Duration MIN_MEASURED = Duration.ofSeconds(10);
    private static final long DAY_SECONDS = Duration.ofDays(1).toSeconds();

    private ImportEta() {
    }

    /**
     * @param years      every started year's progress
     * @param tmdbTotal  TMDb's count of all its movies, if read
     * @return seconds, 0 once every year of the range is completed, empty while no rate or total is known
     */
    static Optional<Long> seconds(List<YearProgress> years, Optional<Long> tmdbTotal, ImportRange range,
                                  boolean continuous, Instant now) {
        long yearsLeft = range.years().filter(year -> years.stream()
                .noneMatch(p -> p.year() == year && YearProgress.COMPLETED.equals(p.status()))).count();
        if (yearsLeft == 0) {
            return Optional.of(0L);
        }
        Optional<Double> rate = moviesPerSecond(years, now);
        if (rate.isEmpty() || tmdbTotal.isEmpty()) {
            return Optional.empty();
        }
        long processed = years.stream().mapToLong(YearProgress::processed).sum();
        long remaining = Math.max(0, tmdbTotal.get() - processed);
        long atRate = (long) Math.ceil(remaining / rate.get());
        if (continuous) {
            return Optional.of(atRate);
        }
        boolean oneRunning = years.stream().anyMatch(p -> YearProgress.IMPORTING.equals(p.status()));
        long yearsToStart = oneRunning ? yearsLeft - 1 : yearsLeft;
        return Optional.of(Math.max(atRate, Math.max(0, yearsToStart - 1) * DAY_SECONDS + atRate / yearsLeft));
    }

    /** Movies with an outcome per second of running time, over the latest year imports. */
    static Optional<Double> moviesPerSecond(List<YearProgress> years, Instant now) {
        List<YearProgress> latest = years.stream()
                .filter(p -> p.startedAt() != null)
                .sorted(Comparator.comparing(YearProgress::startedAt).reversed())
                .limit(MEASURED_YEARS)
                .toList();
        long movies = 0;
        long millis = 0;
        for (YearProgress year : latest) {
            Instant end = year.completedAt() != null ? year.completedAt()
                    : YearProgress.IMPORTING.equals(year.status()) ? now : year.lastProgressAt();
            if (end == null || end.isBefore(year.startedAt())) {
                continue;
            }
            movies += year.processed();
            millis += Duration.between(year.startedAt(), end).toMillis();
        }
        if (movies == 0 || millis < MIN_MEASURED.toMillis()) {
            return Optional.empty();
        }
        return Optional.of(movies * 1000.0 / millis);
    }
}
