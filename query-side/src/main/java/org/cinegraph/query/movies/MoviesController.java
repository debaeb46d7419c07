package org.cinegraph.query.movies;

import static org.cinegraph.kernel.problems.Problems.problem;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.OptionalLong;
import org.cinegraph.kernel.settings.ImportYears;
import org.cinegraph.query.answers.KeptAnswers;
import org.cinegraph.query.web.ListFilters;
import org.cinegraph.query.web.ListPage;
import org.cinegraph.query.web.Paging;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
record MoviesController(MovieRepository movies, MovieLists lists, MovieYearCountRepository yearCounts, Clock clock,
                        KeptAnswers answers) {

    private static final int MAX_QUERY_LENGTH = 200;

    /**
     * Movies by popularity, most popular first; {@code q} matches anywhere in the title, ignoring case;
     * {@code removed} keeps those TMDb's export no longer lists, or those it lists.
     */
    @GetMapping("/api/movies")
    ListPage<MovieSummary> movies(@RequestParam(required = false) Integer year,
                                  @RequestParam(required = false) String q,
                                  @RequestParam(required = false) String removed,
                                  @RequestParam(required = false) Integer limit,
                                  @RequestParam(required = false) Integer offset) {
        Paging paging = Paging.of(limit, offset);
        MovieFilter filter = new MovieFilter(year == null ? null : ImportYears.requireImportable(year, clock),
                ListFilters.titlePattern(q, MAX_QUERY_LENGTH).orElse(null), ListFilters.yesOrNo("removed", removed));
        if (filter.title() != null) {
            return lists.page(filter, paging, counted(filter));
        }
        // Pages without a title search (a year's, the dashboard's) are read once after each projection's commit.
        return answers.get(new Page(filter, paging), () -> lists.page(filter, paging, counted(filter)),
                page -> 1 + page.items().size());
    }

    /** What a kept page of movies depends on besides the tables. */
    private record Page(MovieFilter filter, Paging paging) {
    }

    /**
     * How many movies the filter keeps, from the counts the movies projection keeps as it writes them (and the few
     * removed movies of a year, counted in their own index): counting the rows of a year cost more than the page
     * itself, and all of them much more. Empty for a title search, whose page is counted.
     */
    private OptionalLong counted(MovieFilter filter) {
        if (filter.title() != null) {
            return OptionalLong.empty();
        }
        long all = filter.year() == null ? movies.importedMovies() : yearCounts.moviesOf(filter.year());
        if (filter.removed() == null) {
            return OptionalLong.of(all);
        }
        long removedMovies = filter.year() == null ? movies.removedMovies() : movies.removedMoviesOf(filter.year());
        return OptionalLong.of(filter.removed() ? removedMovies : all - removedMovies);
    }

    @GetMapping("/api/movies/{tmdbId}")
    MovieView movie(@PathVariable int tmdbId) {
        return movies.findById(tmdbId).map(MovieRow::view).orElseThrow(() -> problem(HttpStatus.NOT_FOUND,
                "Movie not imported", "No movie with TMDb id " + tmdbId + " has been imported."));
    }

    /**
     * A movie and {@code tmdbData}, the full TMDb record it was imported from, as TMDb sent it;
     * {@code removedFromTmdbAt} since when TMDb's export no longer lists it, null while it does.
     */
    record MovieView(int tmdbId, String imdbId, String title, LocalDate releaseDate, Double popularity,
                     Integer voteCount, Integer runtime, String originalLanguage, Instant removedFromTmdbAt,
                     @JsonRawValue String tmdbData) {
    }
}
