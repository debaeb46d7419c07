package org.cinegraph.query.state;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import org.cinegraph.query.progress.YearProgressRepository;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
record ImportStateController(ImportStateRepository importState, YearProgressRepository progress) {

    @GetMapping("/api/import/state")
    ImportStateView state() {
        Map<ImportStateKey, String> values = importState.values();
        Long tmdbTotal = read(values, ImportStateKey.TMDB_TOTAL_MOVIES, Long::valueOf);
        long ours = progress.importedMovies();
        return new ImportStateView(
                tmdbTotal,
                ours,
                tmdbTotal == null ? null : Math.max(0, tmdbTotal - ours),
                completionPercentage(ours, tmdbTotal),
                read(values, ImportStateKey.LAST_PAGE_PROCESSED, Integer::valueOf),
                read(values, ImportStateKey.LAST_FULL_SYNC, Instant::parse),
                read(values, ImportStateKey.LAST_UPDATE_CHECK, Instant::parse),
                read(values, ImportStateKey.CURRENT_IMPORT_YEAR, Integer::valueOf),
                read(values, ImportStateKey.LAST_COMPLETED_YEAR, Integer::valueOf));
    }

    /** Unknown while TMDb's total is unknown; two decimals, never above 100. */
    private static Double completionPercentage(long ours, Long tmdbTotal) {
        if (tmdbTotal == null || tmdbTotal == 0) {
            return null;
        }
        BigDecimal percent = BigDecimal.valueOf(Math.min(ours, tmdbTotal) * 100L)
                .divide(BigDecimal.valueOf(tmdbTotal), 2, RoundingMode.DOWN);
        return percent.doubleValue();
    }

    private static <T> T read(Map<ImportStateKey, String> values, ImportStateKey key, Function<String, T> parse) {
        String value = values.get(key);
        return value == null ? null : parse.apply(value);
    }

    record ImportStateView(
            Long tmdbTotalMovies,
            long ourTotalMovies,
            Long moviesRemaining,
            Double completionPercentage,
            Integer lastPageProcessed,
            Instant lastFullSync,
            Instant lastUpdateCheck,
            Integer currentImportYear,
            Integer lastCompletedYear) {
    }
}
