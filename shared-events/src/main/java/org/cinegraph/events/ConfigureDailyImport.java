package org.cinegraph.events;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * What a node that starts configures for the daily import: on with these settings, or off. The schedule records
 * only what changes, so every node may send it at every start.
 */
public record ConfigureDailyImport(boolean enabled, DailyImportSettings settings) {

    /** The one daily import of the installation. */
    public static final String SCHEDULE_ID = "daily-import";

    @TargetAggregateIdentifier
    public String scheduleId() {
        return SCHEDULE_ID;
    }
}
