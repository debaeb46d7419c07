package org.cinegraph.command.schedule;

import com.github.kagkarlsson.scheduler.ScheduledExecution;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import org.axonframework.deadline.dbscheduler.DbSchedulerBinaryDeadlineDetails;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.cinegraph.events.ConfigureDailyImport;
import org.cinegraph.events.DailyImportSettings;
import org.cinegraph.events.ImportRange;
import org.cinegraph.events.ImportSchedule;
import org.cinegraph.events.ImportScheduleChanged;
import org.cinegraph.events.ImportScheduleStarted;
import org.cinegraph.events.ImportScheduleStopped;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/schedule}: the daily import as its saga runs it. Its settings are the schedule's as last recorded
 * (this node's own before any was); the next run is the saga's pending tick in {@code scheduled_tasks}; the last run
 * is the latest tick the pass handled.
 */
@RestController
class ScheduleController {

    /** Axon's task name for every deadline its {@code DbSchedulerDeadlineManager} schedules. */
    private static final String AXON_DEADLINE_TASK = "AxonDeadline";

    private final EventStore eventStore;
    private final ObjectProvider<SchedulerClient> scheduler;
    private final PassLedger ledger;
    private final ImportSchedule schedule;
    private final ImportRange range;

    ScheduleController(EventStore eventStore, ObjectProvider<SchedulerClient> scheduler, PassLedger ledger,
                       ImportSchedule schedule, ImportRange range) {
        this.eventStore = eventStore;
        this.scheduler = scheduler;
        this.ledger = ledger;
        this.schedule = schedule;
        this.range = range;
    }

    @GetMapping("/api/schedule")
    Schedule schedule() {
        boolean enabled = false;
        DailyImportSettings settings = DailyImportSettings.of(schedule, range);
        var stream = eventStore.readEvents(ConfigureDailyImport.SCHEDULE_ID);
        while (stream.hasNext()) {
            Object event = stream.next().getPayload();
            if (event instanceof ImportScheduleStarted started) {
                enabled = true;
                settings = started.settings();
            } else if (event instanceof ImportScheduleChanged changed) {
                settings = changed.settings();
            } else if (event instanceof ImportScheduleStopped) {
                enabled = false;
            }
        }
        var lastTick = ledger.lastTick();
        return new Schedule(enabled, settings.cron(), settings.continuous(), settings.firstYear(), settings.lastYear(),
                enabled ? nextTick() : null, lastTick.map(PassLedger.HandledTick::handledAt).orElse(null),
                lastTick.map(PassLedger.HandledTick::action).orElse(null));
    }

    private Instant nextTick() {
        SchedulerClient client = scheduler.getIfAvailable();
        if (client == null) {
            return null;
        }
        return client.getScheduledExecutionsForTask(AXON_DEADLINE_TASK, DbSchedulerBinaryDeadlineDetails.class)
                .stream()
                .filter(execution -> DailyImportSaga.TICK.equals(execution.getData().getD()))
                .map(ScheduledExecution::getExecutionTime)
                .filter(Objects::nonNull)
                .min(Comparator.naturalOrder())
                .orElse(null);
    }

    /** Times ISO-8601 UTC; {@code lastAction} as the pass's actions, lower case ({@code start_year}, ...). */
    record Schedule(boolean enabled, String cron, boolean continuous, int firstYear, int lastYear, Instant nextRunAt,
                    Instant lastRunAt, String lastAction) {
    }
}
