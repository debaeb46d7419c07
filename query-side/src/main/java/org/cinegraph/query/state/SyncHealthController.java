package org.cinegraph.query.state;

import java.time.Clock;
import java.util.List;
import org.cinegraph.kernel.settings.ImportSchedule;
import org.cinegraph.kernel.tables.LostTables;
import org.cinegraph.query.progress.YearProgressRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/sync/health}: whether the unattended import runs as it should, and what is wrong if not. */
@RestController
record SyncHealthController(ImportStateRepository state, YearProgressRepository progress, ImportSchedule schedule,
                            MissingTables tables, ObjectProvider<LostTables> emptied, Clock clock) {

    /**
     * A missing table is an error named first, whatever else is judged; the judgement of the import needs the import
     * state's and the years' tables, and is left out while one of them is missing.
     */
    @GetMapping("/api/sync/health")
    SyncHealth.View health() {
        List<String> missing = tables.find();
        // A derived table emptied on a running node: what needs it would record again what it held.
        List<String> lostRows = emptied.orderedStream().flatMap(side -> side.lost().stream())
                .filter(table -> !missing.contains(table)).toList();
        SyncHealth.View judged = missing.contains("import_state") || missing.contains("year_progress") ? null
                : SyncHealth.judge(clock.instant(), schedule, state.values(), progress.allNewestFirst());
        return missing.isEmpty() && lostRows.isEmpty() ? judged
                : SyncHealth.withLostTables(missing, lostRows, judged);
    }
}
