package org.cinegraph.events;

/** Who or what asked for an import. */
public enum ImportTrigger {
    /** An admin through the HTTP API or the dashboard. */
    ADMIN,
    /** The daily schedule. */
    SCHEDULE
}
