package org.cinegraph.query.movies;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.cinegraph.query.web.BucketCount;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** The imported movies, one at a time and counted; their lists are {@link MovieLists}'. */
public interface MovieRepository extends Repository<MovieRow, Integer> {

    Optional<MovieRow> findById(int tmdbId);

    /** Every imported movie, as the movies projection counts them. */
    @Query(value = "SELECT COALESCE(sum(movies), 0) FROM movie_counts WHERE counter = '" + MoviesProjection.IMPORTED
            + "'", nativeQuery = true)
    long importedMovies();

    /** The imported movies recorded as removed from TMDb (and not restored), as the movies projection counts them. */
    @Query(value = "SELECT COALESCE(sum(movies), 0) FROM movie_counts WHERE counter = '" + MoviesProjection.REMOVED
            + "'", nativeQuery = true)
    long removedMovies();

    /** The movies of {@code year} recorded as removed from TMDb: a few, counted in their own small index (V28). */
    @Query(value = "SELECT count(*) FROM movies WHERE year = :year AND removed_from_tmdb_at IS NOT NULL",
            nativeQuery = true)
    long removedMoviesOf(int year);

    @Query(value = "SELECT date_bin(make_interval(secs => :seconds), imported_at, CAST(:from AS timestamptz))"
            + " AS start, count(*) AS movies FROM movies WHERE imported_at >= :from AND imported_at < :until"
            + " GROUP BY 1", nativeQuery = true)
    List<BucketCount> importedPerBucket(long seconds, OffsetDateTime from, OffsetDateTime until);
}
