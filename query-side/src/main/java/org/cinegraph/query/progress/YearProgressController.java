package org.cinegraph.query.progress;

import static org.cinegraph.kernel.problems.Problems.problem;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.cinegraph.kernel.settings.ImportRange;
import org.cinegraph.kernel.settings.ImportSchedule;
import org.cinegraph.kernel.settings.ImportYears;
import org.cinegraph.query.answers.KeptAnswers;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/import/years")
record YearProgressController(YearProgressRepository progress, ImportRange range, ImportSchedule schedule,
                              Clock clock, KeptAnswers answers) {

    /**
     * Every year that has started, and the year the next trigger would start, newest first, with the time the
     * rest of the catalogue will take at the measured rate.
     */
    @GetMapping
    YearsView years() {
        // What depends on the time (a stalled year, the ETA) is worked out for the second, and kept through it.
        Instant second = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        return answers.get(YearsView.class, second, () -> years(second), view -> 1 + view.years().size());
    }

    /** The years as of {@code now}, read from the table (once a second at most, or after a projection's commit). */
    private YearsView years(Instant now) {
        Optional<Long> tmdbTotal = progress.tmdbTotal().map(Long::valueOf);
        List<YearProgress> years = new ArrayList<>(progress.allNewestFirst().stream()
                .map(year -> year.asOf(now, schedule.stallAfter())).toList());
        Long eta = ImportEta.seconds(years, tmdbTotal, range, schedule.continuous(), now).orElse(null);
        Set<Integer> started = years.stream().map(YearProgress::year).collect(Collectors.toSet());
        range.nextNotStarted(started).ifPresent(next -> years.add(YearProgress.pending(next)));
        years.sort(Comparator.comparingInt(YearProgress::year).reversed());
        return new YearsView(List.copyOf(years), eta);
    }

    @GetMapping("/{year}")
    YearProgress year(@PathVariable int year) {
        ImportYears.requireImportable(year, clock);
        return progress.findByYear(year).map(found -> found.asOf(clock.instant(), schedule.stallAfter()))
                .orElseThrow(() -> problem(HttpStatus.NOT_FOUND, "Year not started",
                        "The import of " + year + " has never been started."));
    }

    /** {@code etaSeconds} is null until an import rate and TMDb's total are known; 0 once the range is done. */
    record YearsView(List<YearProgress> years, Long etaSeconds) {
    }
}
