package org.cinegraph.app.tables;

import java.time.Instant;

/**
 * One table as {@code GET /api/admin/tables} shows it.
 *
 * @param kind          {@code event store}, {@code projection}, {@code derived} or {@code coordination}
 * @param owner         the module and package that write it
 * @param comesBack     how it comes back when it is lost
 * @param holds         what it holds
 * @param projection    the projection that owns it, for a projection table
 * @param rows          its rows, when it is present: counted, or PostgreSQL's estimate for a large table
 * @param rowsEstimated whether {@code rows} is the estimate
 * @param state         {@code present}, {@code missing} or {@code rebuilding}
 * @param lastRebuild   the last rebuild of a derived table that this node ran, if any
 */
record TableStatus(String name, String kind, String owner, String comesBack, String holds, String projection,
                   Long rows, boolean rowsEstimated, String state, LastRebuild lastRebuild) {

    static final String PRESENT = "present";
    static final String MISSING = "missing";
    static final String REBUILDING = "rebuilding";

    /** A rebuild this node ran: when, and the rows it left or why it failed (its transaction rolled back). */
    record LastRebuild(Instant startedAt, Instant completedAt, Long rows, String failure) {
    }
}
