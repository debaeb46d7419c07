package org.cinegraph.query.movies;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import org.cinegraph.query.web.ListPage;
import org.cinegraph.query.web.ListQuery;
import org.cinegraph.query.web.Paging;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class MoviesController {

    private static final int MAX_QUERY_LENGTH = 200;

    private final JdbcClient jdbc;
    private final Clock clock;

    MoviesController(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Movies by popularity, most popular first; {@code q} matches anywhere in the title, ignoring case. */
    @GetMapping("/api/movies")
    ListPage<MovieSummary> movies(@RequestParam(required = false) Integer year,
                                  @RequestParam(required = false) String q,
                                  @RequestParam(required = false) Integer limit,
                                  @RequestParam(required = false) Integer offset) {
        Paging paging = Paging.of(limit, offset);
        ListQuery query = ListQuery.from("movies")
                .year(year, clock)
                .titleContains(q, MAX_QUERY_LENGTH);
        String columns = "tmdb_id, imdb_id, title, release_date, popularity, vote_count, runtime, original_language";
        String order = "popularity DESC NULLS LAST, tmdb_id";
        if (year != null && (q == null || q.isBlank())) {
            // The movies projection counts each year's movies as it writes them: a count of the year's rows cost
            // more than the page itself.
            long total = jdbc.sql("SELECT COALESCE(sum(movies), 0) FROM movie_year_counts WHERE year = :year")
                    .param("year", year).query(Long.class).single();
            return query.page(jdbc, columns, order, paging, MoviesController::summary, total);
        }
        return query.page(jdbc, columns, order, paging, MoviesController::summary);
    }

    @GetMapping("/api/movies/{tmdbId}")
    MovieView movie(@PathVariable int tmdbId) {
        return jdbc.sql("""
                        SELECT tmdb_id, imdb_id, title, release_date, popularity, vote_count, runtime, original_language,
                               tmdb_data::text AS tmdb_data
                          FROM movies WHERE tmdb_id = :id""")
                .param("id", tmdbId)
                .query((rs, row) -> new MovieView(summary(rs, row), rs.getString("tmdb_data")))
                .optional()
                .orElseThrow(() -> notImported(tmdbId));
    }

    private static MovieSummary summary(ResultSet rs, int row) throws SQLException {
        return new MovieSummary(rs.getInt("tmdb_id"), rs.getString("imdb_id"), rs.getString("title"),
                rs.getObject("release_date", LocalDate.class), rs.getObject("popularity", Double.class),
                rs.getObject("vote_count", Integer.class), rs.getObject("runtime", Integer.class),
                rs.getString("original_language"));
    }

    private static ErrorResponseException notImported(int tmdbId) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "No movie with TMDb id " + tmdbId + " has been imported.");
        problem.setTitle("Movie not imported");
        return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
    }

    /** {@code runtime} in minutes and {@code originalLanguage} (ISO 639-1) as TMDb gives them, or null. */
    record MovieSummary(int tmdbId, String imdbId, String title, LocalDate releaseDate, Double popularity,
                        Integer voteCount, Integer runtime, String originalLanguage) {
    }

    /** A movie and {@code tmdbData}, the full TMDb record it was imported from, as TMDb sent it. */
    record MovieView(int tmdbId, String imdbId, String title, LocalDate releaseDate, Double popularity,
                     Integer voteCount, Integer runtime, String originalLanguage, @JsonRawValue String tmdbData) {

        MovieView(MovieSummary summary, String tmdbData) {
            this(summary.tmdbId(), summary.imdbId(), summary.title(), summary.releaseDate(), summary.popularity(),
                    summary.voteCount(), summary.runtime(), summary.originalLanguage(), tmdbData);
        }
    }
}
