package org.cinegraph.events;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Close a year import whose discovered movies all have their outcome, with the counts of those outcomes. */
public record CompleteYearImport(int year, int discovered, int imported, int skipped, int failed) {

    @TargetAggregateIdentifier
    public String yearImportId() {
        return StartYearImport.yearImportId(year);
    }
}
