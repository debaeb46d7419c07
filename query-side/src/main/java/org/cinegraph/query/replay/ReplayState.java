package org.cinegraph.query.replay;

import java.time.Instant;

/** The latest replay of one projection, as every node sees it in {@code projection_replay}. */
record ReplayState(String name, String state, Instant requestedAt, Instant startedAt, Instant completedAt,
        Long resetPosition, String failure) {

    static final String REQUESTED = "requested";
    static final String REBUILDING = "rebuilding";
    static final String COMPLETED = "completed";
    static final String FAILED = "failed";

    /**
     * Whether the projection's batches write to the copies: while rebuilding, and while a rebuild that had
     * begun waits to be started over (its processors, still running from the old reset, must not write the
     * live tables).
     */
    boolean writesToCopies() {
        return REBUILDING.equals(state) || (REQUESTED.equals(state) && startedAt != null);
    }

    boolean active() {
        return REQUESTED.equals(state) || REBUILDING.equals(state);
    }
}
