package org.cinegraph.events;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record how a running year import will be discovered. */
public record RecordYearPlan(int year, int tmdbTotal, List<PlannedWindow> windows) {

    @TargetAggregateIdentifier
    public String yearImportId() {
        return StartYearImport.yearImportId(year);
    }
}
