package org.cinegraph.sandbox.tmdb;

import org.cinegraph.sandbox.catalogue.SandboxCatalogue;
import org.cinegraph.sandbox.http.SandboxHandler;
import org.cinegraph.sandbox.http.SandboxRequest;
import org.cinegraph.sandbox.http.SandboxResponse;
import org.cinegraph.sandbox.http.TmdbError;

/**
 * {@code GET /3/find/{external_id}?external_source=imdb_id}: the movie TMDb knows by an IMDb id, a festival film
 * or a generated movie, or none, still with a 200, as TMDb answers. The sandbox keeps no other external ids, so
 * any other source, or none, is refused as TMDb refuses a bad parameter.
 */
record FindHandler(SandboxCatalogue catalogue) implements SandboxHandler {

    private static final String IMDB = "imdb_id";

    @Override
    public SandboxResponse handle(SandboxRequest request) {
        if (!request.parameter("external_source").filter(IMDB::equals).isPresent()) {
            return TmdbError.INVALID_PARAMETERS.response();
        }
        return SandboxResponse.ok(TmdbJson.findResults(catalogue.movieByImdbId(request.lastPathSegment())));
    }
}
