package org.cinegraph.command.schedule;

import java.time.Instant;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.cinegraph.events.ConfigureDailyImport;
import org.cinegraph.events.DailyImportSettings;
import org.cinegraph.events.ImportScheduleChanged;
import org.cinegraph.events.ImportScheduleStarted;
import org.cinegraph.events.ImportScheduleStopped;
import org.springframework.stereotype.Component;

/**
 * The daily import as the {@link DailyImport} last recorded it, read from its stream (a handful of events: one per
 * change of the nodes' settings). The saga reads it whenever it decides, instead of keeping a copy: a deadline
 * runs on whichever node picks it while the saga's events are handled on another, and the saga store keeps the
 * last write, so a copy could be written back stale.
 */
@Component
class RecordedSchedule {

    private final EventStore eventStore;

    RecordedSchedule(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** @return the settings as last recorded, and whether the schedule is on; empty before it was ever on */
    Optional<Recorded> recorded() {
        Recorded recorded = null;
        var stream = eventStore.readEvents(ConfigureDailyImport.SCHEDULE_ID);
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            Object event = message.getPayload();
            if (event instanceof ImportScheduleStarted started) {
                recorded = new Recorded(true, started.settings(), message.getTimestamp());
            } else if (event instanceof ImportScheduleChanged changed) {
                boolean newCron = recorded == null || !changed.settings().cron().equals(changed.previous().cron());
                recorded = new Recorded(recorded != null && recorded.enabled(), changed.settings(),
                        newCron ? message.getTimestamp() : recorded.tickSince());
            } else if (event instanceof ImportScheduleStopped && recorded != null) {
                recorded = new Recorded(false, recorded.settings(), recorded.tickSince());
            }
        }
        return Optional.ofNullable(recorded);
    }

    /** The settings of the schedule while it is on; empty while it is off. */
    Optional<DailyImportSettings> whileOn() {
        return recorded().filter(Recorded::enabled).map(Recorded::settings);
    }

    /**
     * @param tickSince when the schedule's own events last moved the saga's tick: its start, or a new cron; the
     *                  saga's tick is the first after it, or after the last tick handled since
     */
    record Recorded(boolean enabled, DailyImportSettings settings, Instant tickSince) {

        /** Settings never recorded: no tick was ever scheduled for them. */
        Recorded(boolean enabled, DailyImportSettings settings) {
            this(enabled, settings, null);
        }
    }
}
