package org.cinegraph.query.state;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.cinegraph.kernel.metrics.CachedReading;
import org.cinegraph.query.progress.YearProgress;
import org.cinegraph.query.progress.YearProgressRepository;
import org.cinegraph.query.state.ImportStateController.ExportSweep;
import org.springframework.stereotype.Component;

/**
 * The import's figures as {@code GET /api/import/state} and {@code GET /api/import/years} report them, from one
 * reading a second: {@code cinegraph.year.running}, the year being imported (0 when none is);
 * {@code cinegraph.year.discovered} and {@code cinegraph.year.recorded}, the movies that year's discover listed and
 * those with an outcome, or the last completed year's once none runs (NaN before any); and
 * {@code cinegraph.export.sweep.progress}, the share of the export's counted ids the sweep under way, or the last
 * one, went through (NaN until a sweep has read its export).
 */
@Component
class ImportMeters {

    static final String YEAR_RUNNING = "cinegraph.year.running";
    static final String YEAR_DISCOVERED = "cinegraph.year.discovered";
    static final String YEAR_RECORDED = "cinegraph.year.recorded";
    static final String SWEEP_PROGRESS = "cinegraph.export.sweep.progress";

    ImportMeters(ImportStateRepository importState, YearProgressRepository years, MeterRegistry meters) {
        CachedReading<Reading> reading = new CachedReading<>(() -> {
            Map<ImportStateKey, String> values = importState.values();
            Integer running = ImportStateController.read(values, ImportStateKey.CURRENT_IMPORT_YEAR, Integer::valueOf);
            Integer shown = running != null ? running
                    : ImportStateController.read(values, ImportStateKey.LAST_COMPLETED_YEAR, Integer::valueOf);
            return new Reading(running, Optional.ofNullable(shown).flatMap(years::findByYear),
                    ImportStateController.exportSweep(values));
        }, Duration.ofSeconds(1));
        Gauge.builder(YEAR_RUNNING, reading, read -> read.gauge(now -> now.running() == null ? 0 : now.running()))
                .description("The year being imported, 0 when none is").strongReference(true).register(meters);
        Gauge.builder(YEAR_DISCOVERED, reading, read -> read.gauge(now -> now.year()
                        .map(YearProgress::discovered).orElse(null)))
                .description("Movies the running year's discover listed (the last completed year's when none runs)")
                .strongReference(true).register(meters);
        Gauge.builder(YEAR_RECORDED, reading, read -> read.gauge(now -> now.year()
                        .map(YearProgress::processed).orElse(null)))
                .description("Movies of the running year imported, skipped or failed (the last completed year's"
                        + " when none runs)")
                .strongReference(true).register(meters);
        Gauge.builder(SWEEP_PROGRESS, reading, read -> read.gauge(now -> sweepProgress(now.sweep())))
                .description("Share of the export's counted ids the sweep went through, 0 to 1").strongReference(true).register(meters);
    }

    private static Double sweepProgress(ExportSweep sweep) {
        if (sweep == null || sweep.counted() == null || sweep.done() == null) {
            return null;
        }
        return sweep.counted() == 0 ? 1.0 : Math.min(1.0, (double) sweep.done() / sweep.counted());
    }

    /** @param running the year being imported, or null */
    private record Reading(Integer running, Optional<YearProgress> year, ExportSweep sweep) {
    }
}
