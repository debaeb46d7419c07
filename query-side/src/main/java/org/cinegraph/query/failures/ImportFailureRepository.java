package org.cinegraph.query.failures;

import java.time.OffsetDateTime;
import java.util.List;
import org.cinegraph.query.web.BucketCount;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

public interface ImportFailureRepository extends Repository<ImportFailureRow, ImportFailureRow.Key>,
        JpaSpecificationExecutor<ImportFailureRow> {

    /**
     * The movies whose last outcome is a failure (not imported or skipped since, by any source), each once, as the
     * failures' projection counts them.
     */
    @Query(value = "SELECT COALESCE(sum(movies), 0) FROM import_failure_counts WHERE counter = '"
            + ImportFailuresProjection.FAILED + "'", nativeQuery = true)
    long failedMovies();

    @Query(value = "SELECT date_bin(make_interval(secs => :seconds), last_attempt_at, CAST(:from AS timestamptz))"
            + " AS start, count(*) AS movies FROM import_failures"
            + " WHERE last_attempt_at >= :from AND last_attempt_at < :until GROUP BY 1", nativeQuery = true)
    List<BucketCount> failedPerBucket(long seconds, OffsetDateTime from, OffsetDateTime until);
}
