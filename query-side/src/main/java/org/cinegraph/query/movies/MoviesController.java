package org.cinegraph.query.movies;

import static org.cinegraph.kernel.problems.Problems.problem;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.cinegraph.kernel.settings.ImportYears;
import org.cinegraph.query.web.ListFilters;
import org.cinegraph.query.web.ListPage;
import org.cinegraph.query.web.Paging;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
record MoviesController(MovieRepository movies, MovieYearCountRepository yearCounts, Clock clock) {

    private static final int MAX_QUERY_LENGTH = 200;

    /** Movies by popularity, most popular first; {@code q} matches anywhere in the title, ignoring case. */
    @GetMapping("/api/movies")
    ListPage<MovieSummary> movies(@RequestParam(required = false) Integer year,
                                  @RequestParam(required = false) String q,
                                  @RequestParam(required = false) Integer limit,
                                  @RequestParam(required = false) Integer offset) {
        Paging paging = Paging.of(limit, offset);
        Integer importable = year == null ? null : ImportYears.requireImportable(year, clock);
        Optional<String> title = ListFilters.titlePattern(q, MAX_QUERY_LENGTH);
        if (importable == null) {
            return ListPage.of(title.isPresent() ? movies.titled(title.get(), paging)
                    : movies.mostPopularFirst(paging));
        }
        if (title.isPresent()) {
            return ListPage.of(movies.ofYearTitled(importable, title.get(), paging));
        }
        // The movies projection counts each year's movies as it writes them: a count of the year's rows cost more
        // than the page itself.
        return new ListPage<>(yearCounts.moviesOf(importable), movies.ofYear(importable, paging).getContent());
    }

    @GetMapping("/api/movies/{tmdbId}")
    MovieView movie(@PathVariable int tmdbId) {
        return movies.findById(tmdbId).map(MovieRow::view).orElseThrow(() -> problem(HttpStatus.NOT_FOUND,
                "Movie not imported", "No movie with TMDb id " + tmdbId + " has been imported."));
    }

    /** A movie and {@code tmdbData}, the full TMDb record it was imported from, as TMDb sent it. */
    record MovieView(int tmdbId, String imdbId, String title, LocalDate releaseDate, Double popularity,
                     Integer voteCount, Integer runtime, String originalLanguage, @JsonRawValue String tmdbData) {
    }
}
