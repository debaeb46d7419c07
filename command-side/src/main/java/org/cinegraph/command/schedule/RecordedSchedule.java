package org.cinegraph.command.schedule;

import java.util.Optional;
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
            Object event = stream.next().getPayload();
            if (event instanceof ImportScheduleStarted started) {
                recorded = new Recorded(true, started.settings());
            } else if (event instanceof ImportScheduleChanged changed) {
                recorded = new Recorded(recorded != null && recorded.enabled(), changed.settings());
            } else if (event instanceof ImportScheduleStopped && recorded != null) {
                recorded = new Recorded(false, recorded.settings());
            }
        }
        return Optional.ofNullable(recorded);
    }

    /** The settings of the schedule while it is on; empty while it is off. */
    Optional<DailyImportSettings> whileOn() {
        return recorded().filter(Recorded::enabled).map(Recorded::settings);
    }

    record Recorded(boolean enabled, DailyImportSettings settings) {
    }
}
