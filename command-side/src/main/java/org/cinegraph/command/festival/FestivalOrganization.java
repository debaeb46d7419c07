package org.cinegraph.command.festival;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.cinegraph.events.FestivalOrganizationRegistered;
import org.cinegraph.events.RegisterFestivalOrganization;

/** A festival organization: created by an event the first time it is needed, never seeded by SQL. */
@Aggregate
class FestivalOrganization {

    @AggregateIdentifier
    private String id;

    FestivalOrganization() {
        // Axon rebuilds the aggregate from its events through this constructor.
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RegisterFestivalOrganization command) {
        if (id == null) {
            apply(new FestivalOrganizationRegistered(command.abbreviation(), command.name()));
        }
    }

    @EventSourcingHandler
    void on(FestivalOrganizationRegistered event) {
        id = new RegisterFestivalOrganization(event.abbreviation(), event.name()).organizationId();
    }
}
