package org.cinegraph.command.yearimport;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.cinegraph.events.StartYearImport;
import org.cinegraph.events.YearImportStarted;

/**
 * The import of one year of TMDb's catalogue; its identity is the year. It decides whether an import may
 * start. Per-movie outcomes do not belong in this stream: a year can hold 30,000 movies and the aggregate
 * must stay quick to load.
 */
@Aggregate
class YearImport {

    @AggregateIdentifier
    private String id;
    private boolean running;

    YearImport() {
        // Axon rebuilds the aggregate from its events through this constructor.
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(StartYearImport command) {
        if (running) {
            throw new YearImportAlreadyRunningException(command.year());
        }
        apply(new YearImportStarted(command.year(), command.trigger()));
    }

    @EventSourcingHandler
    void on(YearImportStarted event) {
        id = StartYearImport.yearImportId(event.year());
        running = true;
    }
}
