package org.cinegraph.events;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Stop a running year import for a reason a person has to look at. */
public record FailYearImport(int year, String reason) {

    @TargetAggregateIdentifier
    public String yearImportId() {
        return StartYearImport.yearImportId(year);
    }
}
