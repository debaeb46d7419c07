package org.cinegraph.query.progress;

import java.time.Instant;

/** The progress of one year, as the API answers it; {@code failureReason} is set only for a failed year. */
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
        String failureReason) {

    static YearProgress pending(int year) {
        return new YearProgress(year, "pending", null, 0, 0, 0, 0, null, 0, null, null, null);
    }
}
