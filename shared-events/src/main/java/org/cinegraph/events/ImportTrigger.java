package org.cinegraph.events;

/** Who or what asked for an import. */
public enum ImportTrigger {
    /** An admin, for a chosen year, through the HTTP API or the dashboard. */
    ADMIN,
    /** The daily schedule. */
    SCHEDULE,
    /** An admin asking for what the daily schedule does, now. */
    NEXT,
    /** The previous year of the pass completed, and the import is continuous. */
    CONTINUATION;

    /**
     * Whether this trigger takes the years of the range in turn (the pass), rather than a year an admin chose.
     * The pass never starts a year that is running or completed.
     */
    public boolean inTurn() {
        return this != ADMIN;
    }
}
