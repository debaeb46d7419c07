package org.cinegraph.command.schedule;

import java.time.Instant;
import java.util.List;
import org.cinegraph.events.DailyImportSettings;
import org.cinegraph.kernel.settings.ImportRange;
import org.cinegraph.kernel.settings.ImportSchedule;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/schedule}: the daily import as its saga runs it. Its settings are the schedule's as last recorded
 * (this node's own before any was); the next run is the saga's pending tick in {@code scheduled_tasks}; the last run
 * is the latest tick the pass handled; the priority years are those of the range still waiting to go first.
 */
@RestController
record ScheduleController(RecordedSchedule recordedSchedule, SagaDeadlines deadlines, PassLedger ledger,
                          PriorityYears priority, ImportSchedule configured, ImportRange range) {

    @GetMapping("/api/schedule")
    Schedule schedule() {
        RecordedSchedule.Recorded recorded = recordedSchedule.recorded()
                .orElse(new RecordedSchedule.Recorded(false, DailyImportSettings.of(configured, range)));
        DailyImportSettings settings = recorded.settings();
        var lastTick = ledger.lastTick();
        return new Schedule(recorded.enabled(), settings.cron(), settings.continuous(), settings.firstYear(),
                settings.lastYear(), recorded.enabled() ? deadlines.nextTick().orElse(null) : null,
                lastTick.map(PassLedger.HandledTick::handledAt).orElse(null),
                lastTick.map(PassLedger.HandledTick::action).orElse(null), priority.waiting(range));
    }

    /**
     * Times ISO-8601 UTC; {@code lastAction} as the pass's actions, lower case ({@code start_year}, ...);
     * {@code priorityYears} in the order the pass takes them.
     */
    record Schedule(boolean enabled, String cron, boolean continuous, int firstYear, int lastYear, Instant nextRunAt,
                    Instant lastRunAt, String lastAction, List<Integer> priorityYears) {
    }
}
