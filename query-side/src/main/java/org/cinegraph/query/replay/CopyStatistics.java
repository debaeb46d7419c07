package org.cinegraph.query.replay;

import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps PostgreSQL's statistics of a projection's copies close to what a bulk load has written into them. A copy
 * grows from empty to a million rows within minutes, faster than autovacuum analyzes it, and the statements a
 * projection repeats are planned once for the copy as it was when they were first prepared: empty, so a sequential
 * scan. A replay of 300,000 events then spent two fifths of PostgreSQL's time scanning whole copies for every batch
 * ({@code DELETE FROM skipped_imports WHERE tmdb_id = ANY (...)}, the movies' and skips' upserts). Analyzed after
 * the first {@value #FIRST} events and then once the load has seen {@value #GROWTH} times as many as at the last
 * analysis (a handful of times for a million), the copies are planned for with their indexes; analyzing also has
 * PostgreSQL plan the kept statements again.
 */
final class CopyStatistics {

    private static final Logger log = LoggerFactory.getLogger(CopyStatistics.class);
    static final long FIRST = 5_000;
    static final int GROWTH = 4;

    private final Projection projection;
    private final RebuildTables tables;
    private final TransactionTemplate transactions;
    private final AtomicLong applied = new AtomicLong();
    private final AtomicLong due = new AtomicLong(FIRST);

    CopyStatistics(Projection projection, RebuildTables tables, TransactionTemplate transactions) {
        this.projection = projection;
        this.tables = tables;
        this.transactions = transactions;
    }

    /** Counts events applied by any segment's load, and analyzes the copies when they are due. */
    void applied(int events) {
        long now = applied.addAndGet(events);
        long next = due.get();
        if (now >= next && due.compareAndSet(next, Math.max(next, now) * GROWTH)) {
            try {
                transactions.executeWithoutResult(status -> tables.analyzeCopies(projection));
            } catch (RuntimeException e) {
                // Only the pace is at stake: the load goes on with the statistics it has.
                log.warn("Could not analyze the copies of projection {}", projection.name(), e);
            }
        }
    }
}
