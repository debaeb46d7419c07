package org.cinegraph.command.schedule;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.cinegraph.events.ConfigureDailyImport;
import org.cinegraph.events.DailyImportSettings;
import org.cinegraph.events.ImportScheduleChanged;
import org.cinegraph.events.ImportScheduleStarted;
import org.cinegraph.events.ImportScheduleStopped;

/**
 * The daily import's switch and settings, as configured by the nodes that start. Every node configures it at
 * every start; it records only a change: switched on ({@link ImportScheduleStarted}, which starts the
 * {@link DailyImportSaga}), other settings ({@link ImportScheduleChanged}), switched off
 * ({@link ImportScheduleStopped}). Two nodes starting together append to the same stream, so one of them loses
 * the race and, configuring again, finds nothing left to record.
 */
@Aggregate
class DailyImport {

    @AggregateIdentifier
    private String id;
    private boolean enabled;
    private DailyImportSettings settings;

    DailyImport() {
        // Axon rebuilds the aggregate from its events through this constructor.
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ConfigureDailyImport command) {
        if (command.enabled() && !enabled) {
            apply(new ImportScheduleStarted(command.scheduleId(), command.settings()));
        } else if (command.enabled() && !command.settings().equals(settings)) {
            apply(new ImportScheduleChanged(command.scheduleId(), command.settings(), settings));
        } else if (!command.enabled() && enabled) {
            apply(new ImportScheduleStopped(command.scheduleId()));
        }
    }

    @EventSourcingHandler
    void on(ImportScheduleStarted event) {
        id = event.scheduleId();
        enabled = true;
        settings = event.settings();
    }

    @EventSourcingHandler
    void on(ImportScheduleChanged event) {
        settings = event.settings();
    }

    @EventSourcingHandler
    void on(ImportScheduleStopped event) {
        enabled = false;
    }
}
