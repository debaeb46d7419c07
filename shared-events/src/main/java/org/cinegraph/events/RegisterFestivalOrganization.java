package org.cinegraph.events;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Register a festival organization; registering one again changes nothing. */
public record RegisterFestivalOrganization(String abbreviation, String name) {

    @TargetAggregateIdentifier
    public String organizationId() {
        return "festival-organization-" + abbreviation;
    }
}
