package org.cinegraph.query.state;

import java.time.Clock;
import java.util.List;
import org.cinegraph.kernel.settings.HealthThresholds;
import org.cinegraph.kernel.settings.ImportSchedule;
import org.cinegraph.kernel.tables.LostTables;
import org.cinegraph.query.progress.YearProgressRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The import's health now, judged in one place for all who report it: {@code GET /api/sync/health}, the actuator's
 * {@code import} indicator, the {@code cinegraph.health.status} gauge and the alerts of its changes.
 */
@Component
public class ImportHealth {

    private final ImportStateRepository state;
    private final YearProgressRepository progress;
    private final ImportSchedule schedule;
    private final HealthThresholds thresholds;
    private final MissingTables tables;
    private final ObjectProvider<LostTables> emptied;
    private final Clock clock;

    ImportHealth(ImportStateRepository state, YearProgressRepository progress, ImportSchedule schedule,
                 HealthThresholds thresholds, MissingTables tables, ObjectProvider<LostTables> emptied, Clock clock) {
        this.state = state;
        this.progress = progress;
        this.schedule = schedule;
        this.thresholds = thresholds;
        this.tables = tables;
        this.emptied = emptied;
        this.clock = clock;
    }

    /**
     * A missing table is an error named first, whatever else is judged; the judgement of the import needs the import
     * state's and the years' tables, and is left out while one of them is missing.
     */
    public HealthReport now() {
        List<String> missing = tables.find();
        // A derived table emptied on a running node: what needs it would record again what it held.
        List<String> lostRows = emptied.orderedStream().flatMap(side -> side.lost().stream())
                .filter(table -> !missing.contains(table)).toList();
        HealthReport judged = missing.contains("import_state") || missing.contains("year_progress") ? null
                : SyncHealth.judge(clock.instant(), schedule, thresholds, state.values(), progress.allNewestFirst());
        return missing.isEmpty() && lostRows.isEmpty() ? judged
                : SyncHealth.withLostTables(missing, lostRows, judged);
    }
}
