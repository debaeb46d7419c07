package org.cinegraph.query.progress;

import java.time.Duration;
import java.time.Instant;

/**
 * The progress of one year, as the API answers it; {@code failureReason} is set only for a failed year, and
 * {@code lastProgressAt} is when the year's import last moved (a year importing with no progress for
 * {@code cinegraph.import.stall-after} is {@code stalled}).
 */
public record YearProgress(
        int year,
        String status,
        Integer tmdbTotal,
        int discovered,
        int imported,
        int skipped,
        int failed,
        Integer pagesTotal,
        int pagesDone,
        Instant startedAt,
        Instant completedAt,
        String failureReason,
        Instant lastProgressAt) {

    static final String IMPORTING = "importing";
    static final String STALLED = "stalled";
    static final String COMPLETED = "completed";
    static final String FAILED = "failed";

    static YearProgress pending(int year) {
        return new YearProgress(year, "pending", null, 0, 0, 0, 0, null, 0, null, null, null, null);
    }

    /** Movies of the year that have their outcome. */
    public int processed() {
        return imported + skipped + failed;
    }

    /** This progress as of {@code now}: an import with no progress for {@code stallAfter} is stalled. */
    public YearProgress asOf(Instant now, Duration stallAfter) {
        if (!IMPORTING.equals(status) || lastProgressAt == null || !lastProgressAt.plus(stallAfter).isBefore(now)) {
            return this;
        }
        return new YearProgress(year, STALLED, tmdbTotal, discovered, imported, skipped, failed, pagesTotal,
                pagesDone, startedAt, completedAt, failureReason, lastProgressAt);
    }
}
