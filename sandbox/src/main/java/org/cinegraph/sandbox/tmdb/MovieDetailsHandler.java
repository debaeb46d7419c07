package org.cinegraph.sandbox.tmdb;

import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cinegraph.sandbox.catalogue.FestivalFilms;
import org.cinegraph.sandbox.catalogue.MovieDetails;
import org.cinegraph.sandbox.catalogue.SandboxCatalogue;
import org.cinegraph.sandbox.http.SandboxHandler;
import org.cinegraph.sandbox.http.SandboxRequest;
import org.cinegraph.sandbox.http.SandboxResponse;
import org.cinegraph.sandbox.http.TmdbError;

/**
 * {@code GET /3/movie/{id}} of a generated movie or a festival film, with the {@code append_to_response} sections
 * of {@link AppendSection}.
 */
public final class MovieDetailsHandler implements SandboxHandler {

    private static final Pattern DETAILS_PATH = Pattern.compile("/3/movie/(\\d{1,9})");

    private final SandboxCatalogue catalogue;
    private final PopularityDrift drift;
    private final SandboxChanges changes;

    MovieDetailsHandler(SandboxCatalogue catalogue, PopularityDrift drift, SandboxChanges changes) {
        this.catalogue = catalogue;
        this.drift = drift;
        this.changes = changes;
    }

    /** The TMDb id a details request asks for; empty for any other request, or an id that cannot be one. */
    public static OptionalInt requestedId(SandboxRequest request) {
        Matcher details = DETAILS_PATH.matcher(request.path());
        return details.matches() ? OptionalInt.of(Integer.parseInt(details.group(1))) : OptionalInt.empty();
    }

    @Override
    public SandboxResponse handle(SandboxRequest request) {
        OptionalInt id = requestedId(request);
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

    /** The change feed lists generated movies only, so a festival film is never edited: both always agree. */
    private MovieDetails edited(MovieDetails movie) {
        return FestivalFilms.holds(movie.movie().tmdbId()) ? movie : changes.asEdited(movie);
    }
}
