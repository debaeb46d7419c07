package org.cinegraph.sandbox;

import java.util.List;

import org.cinegraph.sandbox.Router.Route;

/** The part of TMDb API v3 the sandbox imitates, over one catalogue. */
final class TmdbRoutes {

    private TmdbRoutes() {
    }

    static SandboxHandler over(SandboxCatalogue catalogue) {
        byte[] configuration = TmdbJson.configuration();
        return new Router(List.of(
                Route.of("/3/discover/movie", new DiscoverHandler(new DiscoverIndex(catalogue))),
                Route.of("/3/movie/[^/]+", new MovieDetailsHandler(catalogue)),
                Route.of("/3/configuration", request -> SandboxResponse.ok(configuration))));
    }
}
