package org.cinegraph.query.movies;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.cinegraph.query.web.BucketCount;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/**
 * The imported movies. Lists select their columns only: a movie's TMDb record is several kilobytes that a list never
 * shows. {@code title} is an ILIKE pattern escaped with {@code !} ({@link org.cinegraph.query.web.ListFilters}).
 */
public interface MovieRepository extends Repository<MovieRow, Integer> {

    String SUMMARIES = "select new org.cinegraph.query.movies.MovieSummary(m.tmdbId, m.imdbId, m.title,"
            + " m.releaseDate, m.popularity, m.voteCount, m.runtime, m.originalLanguage) from MovieRow m";
    /** The order movies_year_popularity_idx and movies_popularity_idx hold (V19): a page reads only its rows. */
    String MOST_POPULAR_FIRST = " order by m.popularity desc nulls last, m.tmdbId";

    Optional<MovieRow> findById(int tmdbId);

    @Query(SUMMARIES + MOST_POPULAR_FIRST)
    Page<MovieSummary> mostPopularFirst(Pageable page);

    /** A page of the year's movies, not counted: the movies projection keeps each year's count. */
    @Query(SUMMARIES + " where m.year = :year" + MOST_POPULAR_FIRST)
    Slice<MovieSummary> ofYear(int year, Pageable page);

    @Query(SUMMARIES + " where m.title ilike :title escape '!'" + MOST_POPULAR_FIRST)
    Page<MovieSummary> titled(String title, Pageable page);

    @Query(SUMMARIES + " where m.year = :year and m.title ilike :title escape '!'" + MOST_POPULAR_FIRST)
    Page<MovieSummary> ofYearTitled(int year, String title, Pageable page);

    @Query(value = "SELECT date_bin(make_interval(secs => :seconds), imported_at, CAST(:from AS timestamptz))"
            + " AS start, count(*) AS movies FROM movies WHERE imported_at >= :from AND imported_at < :until"
            + " GROUP BY 1", nativeQuery = true)
    List<BucketCount> importedPerBucket(long seconds, OffsetDateTime from, OffsetDateTime until);
}
