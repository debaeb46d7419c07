package org.cinegraph.query.progress;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** The progress of every year whose import started. */
public interface YearProgressRepository extends Repository<YearProgressRow, Integer> {

    List<YearProgress> findAllByOrderByYearDesc();

    Optional<YearProgress> findByYear(int year);

    /** Movies imported over all years: the catalogue we hold. */
    @Query("select coalesce(sum(p.imported), 0) from YearProgressRow p")
    long importedMovies();

    /** TMDb's count of all its movies as last recorded, from {@code import_state}; empty until read. */
    @Query("select s.value from ImportStateRow s where s.key = 'tmdb_total_movies'")
    Optional<String> tmdbTotal();
}
