package org.cinegraph.query.progress;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The changes to the counts of {@code year_progress} that the current batch of events made, per year, written
 * with one update per year when the batch commits (or earlier, before a write that sets counts outright).
 * Updating the year's row once per movie would leave a version of the row per movie in the batch's
 * transaction, each found by walking the ones before it.
 */
final class PendingCounts {

    private static final String RESOURCE = PendingCounts.class.getName();

    private final JdbcClient jdbc;
    private final boolean flushEachChange;
    private final Map<Integer, Delta> byYear = new LinkedHashMap<>();

    private PendingCounts(JdbcClient jdbc, boolean flushEachChange) {
        this.jdbc = jdbc;
        this.flushEachChange = flushEachChange;
    }

    /**
     * The pending counts of the batch being applied, written before it commits; outside a unit of work
     * (a handler called directly), each change is written at once.
     */
    static PendingCounts ofCurrentBatch(JdbcClient jdbc) {
        if (!CurrentUnitOfWork.isStarted()) {
            return new PendingCounts(jdbc, true);
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        return batch.getOrComputeResource(RESOURCE, key -> {
            PendingCounts counts = new PendingCounts(jdbc, false);
            batch.onPrepareCommit(unitOfWork -> counts.flush());
            return counts;
        });
    }

    void add(int year, int pagesDone, int discovered, int imported, int skipped, int failed, Instant at) {
        Delta delta = byYear.computeIfAbsent(year, y -> new Delta());
        delta.pagesDone += pagesDone;
        delta.discovered += discovered;
        delta.imported += imported;
        delta.skipped += skipped;
        delta.failed += failed;
        delta.at = at;
        if (flushEachChange) {
            flush();
        }
    }

    /** Writes every pending change; done before the batch commits and before counts are set outright. */
    void flush() {
        byYear.forEach((year, delta) -> jdbc.sql("""
                        UPDATE year_progress
                           SET pages_done = pages_done + :pagesDone, discovered = discovered + :discovered,
                               imported = imported + :imported, skipped = skipped + :skipped, failed = failed + :failed,
                               last_progress_at = :at
                         WHERE year = :year""")
                .param("year", year).param("pagesDone", delta.pagesDone).param("discovered", delta.discovered)
                .param("imported", delta.imported).param("skipped", delta.skipped).param("failed", delta.failed)
                .param("at", OffsetDateTime.ofInstant(delta.at, ZoneOffset.UTC))
                .update());
        byYear.clear();
    }

    private static final class Delta {
        int pagesDone;
        int discovered;
        int imported;
        int skipped;
        int failed;
        Instant at;
    }
}
