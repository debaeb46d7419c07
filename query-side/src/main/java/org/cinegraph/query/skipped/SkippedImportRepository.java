package org.cinegraph.query.skipped;

import java.time.OffsetDateTime;
import java.util.List;
import org.cinegraph.query.web.BucketCount;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

public interface SkippedImportRepository extends Repository<SkippedImportRow, Integer>,
        JpaSpecificationExecutor<SkippedImportRow> {

    /** The movies skipped and not imported since, as the skipped imports' projection counts them. */
    @Query(value = "SELECT COALESCE(sum(movies), 0) FROM skipped_import_counts WHERE counter = '"
            + SkippedImportsProjection.SKIPPED + "'", nativeQuery = true)
    long skippedMovies();

    @Query(value = "SELECT date_bin(make_interval(secs => :seconds), skipped_at, CAST(:from AS timestamptz))"
            + " AS start, count(*) AS movies FROM skipped_imports WHERE skipped_at >= :from AND skipped_at < :until"
            + " GROUP BY 1", nativeQuery = true)
    List<BucketCount> skippedPerBucket(long seconds, OffsetDateTime from, OffsetDateTime until);
}
