package org.cinegraph.query.state;

import java.time.Clock;
import org.cinegraph.kernel.settings.ImportSchedule;
import org.cinegraph.query.progress.YearProgressRepository;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/sync/health}: whether the unattended import runs as it should, and what is wrong if not. */
@RestController
record SyncHealthController(ImportStateRepository state, YearProgressRepository progress, ImportSchedule schedule,
                            Clock clock) {

    @GetMapping("/api/sync/health")
    SyncHealth.View health() {
        return SyncHealth.judge(clock.instant(), schedule, state.values(), progress.allNewestFirst());
    }
}
