package org.cinegraph.query.projections;

import java.time.Instant;

/** The latest replay of one projection, as every node sees it in {@code projection_replay}. */
record ReplayState(String name, String state, Instant requestedAt, Instant startedAt, Instant completedAt,
        Long resetPosition, String failure) {

    static final String REQUESTED = "requested";
    static final String REBUILDING = "rebuilding";
    static final String COMPLETED = "completed";
    static final String FAILED = "failed";

    boolean active() {
        return REQUESTED.equals(state) || REBUILDING.equals(state);
    }
}
