package org.cinegraph.query.state;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;
import org.cinegraph.query.answers.KeptAnswers;
import org.cinegraph.query.failures.ImportFailureRepository;
import org.cinegraph.query.movies.MovieRepository;
import org.cinegraph.query.skipped.SkippedImportRepository;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/import/state}: the catalogue's figures. Each projection counts its movies as it writes them; this
 * adds the counts up, so that a million movies cost no more to report than ten.
 */
@RestController
record ImportStateController(ImportStateRepository importState, MovieRepository movies,
                             SkippedImportRepository skips, ImportFailureRepository failures, KeptAnswers answers) {

    /** Read from the tables once after each commit of a projection, on any node ({@link KeptAnswers}). */
    @GetMapping("/api/import/state")
    ImportStateView state() {
        return answers.get(ImportStateView.class, this::read);
    }

    private ImportStateView read() {
        Map<ImportStateKey, String> values = importState.values();
        Long tmdbTotal = read(values, ImportStateKey.TMDB_TOTAL_MOVIES, Long::valueOf);
        long imported = movies.importedMovies();
        boolean sweptWhole = "export".equals(values.get(ImportStateKey.TMDB_TOTAL_SOURCE)) && tmdbTotal != null
                && tmdbTotal.equals(read(values, ImportStateKey.LAST_EXPORT_SWEEP_COUNTED, Long::valueOf));
        CatalogueAccount account = CatalogueAccount.of(tmdbTotal, imported, skips.skippedMovies(),
                failures.failedMovies(), importState.removedFromTmdb(), sweptWhole);
        return new ImportStateView(
                tmdbTotal,
                imported,
                account.accounted(),
                account.remaining(),
                account.completionPercentage(),
                read(values, ImportStateKey.LAST_PAGE_PROCESSED, Integer::valueOf),
                read(values, ImportStateKey.LAST_FULL_SYNC, Instant::parse),
                read(values, ImportStateKey.LAST_UPDATE_CHECK, Instant::parse),
                read(values, ImportStateKey.CURRENT_IMPORT_YEAR, Integer::valueOf),
                read(values, ImportStateKey.LAST_COMPLETED_YEAR, Integer::valueOf),
                lastExportSweep(values),
                exportSweep(values));
    }

    /** The last sweep that completed; null before the first. */
    private static LastExportSweep lastExportSweep(Map<ImportStateKey, String> values) {
        if (!values.containsKey(ImportStateKey.LAST_EXPORT_SWEEP_COMPLETED_AT)) {
            return null;
        }
        return new LastExportSweep(
                read(values, ImportStateKey.LAST_EXPORT_SWEEP_DATE, LocalDate::parse),
                read(values, ImportStateKey.LAST_EXPORT_SWEEP_COMPLETED_AT, Instant::parse),
                read(values, ImportStateKey.LAST_EXPORT_SWEEP_COUNTED, Long::valueOf),
                read(values, ImportStateKey.LAST_EXPORT_SWEEP_NEW, Long::valueOf),
                read(values, ImportStateKey.LAST_EXPORT_SWEEP_REMOVED, Long::valueOf),
                read(values, ImportStateKey.LAST_EXPORT_SWEEP_RESTORED, Long::valueOf),
                read(values, ImportStateKey.LAST_EXPORT_SWEEP_REMOVALS_WITHHELD, Long::valueOf),
                read(values, ImportStateKey.LAST_EXPORT_SWEEP_REMOVAL_LIMIT, Long::valueOf));
    }

    /** The sweep under way, or the last that ended, completed or failed; null before the first. */
    static ExportSweep exportSweep(Map<ImportStateKey, String> values) {
        if (!values.containsKey(ImportStateKey.EXPORT_SWEEP_STATUS)) {
            return null;
        }
        return new ExportSweep(
                values.get(ImportStateKey.EXPORT_SWEEP_STATUS),
                read(values, ImportStateKey.EXPORT_SWEEP_DATE, LocalDate::parse),
                read(values, ImportStateKey.EXPORT_SWEEP_STARTED_AT, Instant::parse),
                read(values, ImportStateKey.EXPORT_SWEEP_COUNTED, Long::valueOf),
                read(values, ImportStateKey.EXPORT_SWEEP_DONE, Long::valueOf),
                read(values, ImportStateKey.EXPORT_SWEEP_NEW, Long::valueOf),
                values.get(ImportStateKey.EXPORT_SWEEP_REASON));
    }

    static <T> T read(Map<ImportStateKey, String> values, ImportStateKey key, Function<String, T> parse) {
        String value = values.get(key);
        return value == null ? null : parse.apply(value);
    }

    /**
     * @param ourTotalMovies   every movie imported, by any source
     * @param accountedMovies  the movies with an outcome (imported, skipped or failed), less those removed from TMDb
     */
    record ImportStateView(
            Long tmdbTotalMovies,
            long ourTotalMovies,
            long accountedMovies,
            Long moviesRemaining,
            BigDecimal completionPercentage,
            Integer lastPageProcessed,
            Instant lastFullSync,
            Instant lastUpdateCheck,
            Integer currentImportYear,
            Integer lastCompletedYear,
            LastExportSweep lastExportSweep,
            ExportSweep exportSweep) {
    }

    /**
     * @param newMovies        the counted movies this sweep imported, skipped or recorded as failed
     * @param removalsWithheld the removals it found but did not record, for being over {@code removalLimit}
     */
    record LastExportSweep(LocalDate exportDate, Instant completedAt, Long counted,
                           @JsonProperty("new") Long newMovies, Long removed, Long restored, Long removalsWithheld,
                           Long removalLimit) {
    }

    /**
     * @param status  {@code reading} (the export), {@code sweeping} (its ids), {@code completed} or {@code failed}
     * @param counted the export's ids that count toward TMDb's total, once it was read whole
     * @param done    how many of them the sweep went through
     * @param reason  why it failed
     */
    record ExportSweep(String status, LocalDate exportDate, Instant startedAt, Long counted, Long done,
                       @JsonProperty("new") Long newMovies, String reason) {
    }
}
