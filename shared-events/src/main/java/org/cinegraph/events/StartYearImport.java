package org.cinegraph.events;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Start importing one year of TMDb's catalogue. The year is the year-import aggregate's identity. */
public record StartYearImport(@TargetAggregateIdentifier int year, ImportTrigger trigger) {
}
