package org.cinegraph.sandbox.tmdb;

import java.util.OptionalInt;
import java.util.Set;

import org.cinegraph.sandbox.catalogue.MovieDetails;
import org.cinegraph.sandbox.catalogue.SandboxCatalogue;
import org.cinegraph.sandbox.http.SandboxHandler;
import org.cinegraph.sandbox.http.SandboxRequest;
import org.cinegraph.sandbox.http.SandboxResponse;
import org.cinegraph.sandbox.http.TmdbError;

/**
 * {@code GET /3/movie/{id}} of a generated movie, an extra movie or a festival film, with the
 * {@code append_to_response} sections of {@link AppendSection}.
 */
record MovieDetailsHandler(SandboxCatalogue catalogue, PopularityDrift drift, SandboxChanges changes)
        implements SandboxHandler {

    @Override
    public SandboxResponse handle(SandboxRequest request) {
        OptionalInt id = MovieDetailsPath.movieId(request);
        if (id.isEmpty()) {
            return TmdbError.NOT_FOUND.response();
        }
        Set<AppendSection> sections = AppendSection.parse(request.parameter("append_to_response").orElse(""));
        return catalogue.movie(id.getAsInt())
                .map(movie -> drift.nextReading().map(reading -> reading.apply(movie)).orElse(movie))
                .map(movie -> edited(catalogue.details(movie)))
                .map(edited -> SandboxResponse.ok(MovieDetailsJson.write(edited, sections)))
                .orElseGet(TmdbError.NOT_FOUND::response);
    }

    /**
     * The change feed lists generated movies only, so a festival film or an extra movie is never edited: both
     * always agree.
     */
    private MovieDetails edited(MovieDetails movie) {
        return catalogue.generated(movie.movie().tmdbId()) ? changes.asEdited(movie) : movie;
    }
}
