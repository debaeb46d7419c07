package org.cinegraph.events;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Start importing one year of TMDb's catalogue. */
public record StartYearImport(int year, ImportTrigger trigger) {

    /**
     * The year-import aggregate of a year. Aggregate identifiers share one namespace in the event store, so
     * the bare year would collide with any later aggregate keyed by a year (a ceremony, say).
     */
    public static String yearImportId(int year) {
        return "year-import-" + year;
    }

    @TargetAggregateIdentifier
    public String yearImportId() {
        return yearImportId(year);
    }
}
