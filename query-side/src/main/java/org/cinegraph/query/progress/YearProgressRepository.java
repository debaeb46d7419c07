package org.cinegraph.query.progress;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/**
 * The progress of every year whose import started. The whole list is JPQL, read on the dashboard's hot path:
 * Hibernate keeps the plan of a JPQL string, where it plans a derived (criteria) query anew at every call.
 */
public interface YearProgressRepository extends Repository<YearProgressRow, Integer> {

    @Query("""
            select new org.cinegraph.query.progress.YearProgress(p.year, p.status, p.tmdbTotal, p.discovered,
                   p.imported, p.skipped, p.failed, p.pagesTotal, p.pagesDone, p.startedAt, p.completedAt,
                   p.failureReason, p.lastProgressAt)
              from YearProgressRow p order by p.year desc""")
    List<YearProgress> allNewestFirst();

    Optional<YearProgress> findByYear(int year);

    /** TMDb's count of all its movies as last recorded, from {@code import_state}; empty until read. */
    @Query("select s.value from ImportStateRow s where s.key = 'tmdb_total_movies'")
    Optional<String> tmdbTotal();
}
