package org.cinegraph.sandbox.tmdb;

import java.util.List;
import java.util.Optional;
import java.util.function.IntPredicate;

import org.cinegraph.sandbox.catalogue.TitleIndex;
import org.cinegraph.sandbox.http.SandboxHandler;
import org.cinegraph.sandbox.http.SandboxRequest;
import org.cinegraph.sandbox.http.SandboxResponse;
import org.cinegraph.sandbox.tmdb.TmdbParameters.Rejected;

/**
 * {@code GET /3/search/movie}: movies by the words of their title, twenty a page in discover's shape, as TMDb
 * answers. TMDb's {@code year} keeps movies with any release in that year and {@code primary_release_year} those
 * whose primary release is in it; a sandbox movie has one release year only, so both keep the movies released
 * in it. An empty query finds nothing rather than failing, as on TMDb.
 */
record SearchHandler(MovieSearch search) implements SandboxHandler {

    private static final List<String> RELEASE_YEARS = List.of("year", "primary_release_year");

    @Override
    public SandboxResponse handle(SandboxRequest request) {
        try {
            int page = TmdbParameters.page(request.parameter("page"));
            IntPredicate releasedIn = releasedIn(request);
            // Search knows the generated movies and the festival films, none of them adult, so the flag changes
            // nothing; but it must still be a flag.
            TmdbParameters.flag(request.parameter("include_adult"));
            List<String> words = TitleIndex.words(request.parameter("query").orElse(""));
            return SandboxResponse.ok(TmdbJson.discoverPage(search.page(words, releasedIn, page)));
        } catch (Rejected rejected) {
            return rejected.response();
        }
    }

    private static IntPredicate releasedIn(SandboxRequest request) {
        IntPredicate releasedIn = year -> true;
        for (String name : RELEASE_YEARS) {
            Optional<String> parameter = request.parameter(name);
            if (parameter.isPresent()) {
                int wanted = TmdbParameters.year(parameter.get()).getValue();
                releasedIn = releasedIn.and(year -> year == wanted);
            }
        }
        return releasedIn;
    }
}
