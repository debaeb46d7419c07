package org.cinegraph.events;

/** What a trigger of the pass over the year range did. */
public enum ImportAction {
    /** Started the newest year of the range that is not completed. */
    START_YEAR,
    /** Resumed a running year that no node worked on (paused, or its node stopped). */
    RESUME_YEAR,
    /** A year of the range is running on a node: nothing else starts. */
    YEAR_IN_PROGRESS,
    /** Every year of the range is completed: ran a delta sync from TMDb's change feed. */
    SYNC_CHANGES,
    /** Every year of the range is completed and a delta sync is already running. */
    SYNC_IN_PROGRESS
}
