package org.cinegraph.query.state;

/**
 * Where an event stands in the event store's global order: its own global index. A processor's tracking token
 * is not that: an event committed after events with higher indexes (another transaction took longer) arrives
 * with the token's highest index so far, so a position read from the token would depend on commit timing, and
 * a replay, which reads in index order, would record another one.
 */
@FunctionalInterface
interface EventPositions {

    /** The global index of the stored event with this identifier. */
    long of(String eventIdentifier);
}
