package org.cinegraph.sandbox.tmdb;

import java.util.List;

import org.cinegraph.sandbox.catalogue.SandboxCatalogue;
import org.cinegraph.sandbox.http.Router;
import org.cinegraph.sandbox.http.Router.Route;
import org.cinegraph.sandbox.http.SandboxHandler;
import org.cinegraph.sandbox.http.SandboxResponse;

/**
 * The part of TMDb API v3 the sandbox imitates, over one catalogue; the drift lets popularity move
 * between requests, and the deletions take movies out of discover, when the faults switch them on; the
 * changes are TMDb's edits, in its change feed and its details. Beside the API, under {@code /p/exports}, the
 * daily ID exports that TMDb's file server publishes.
 */
public final class TmdbRoutes {

    private TmdbRoutes() {
    }

    public static SandboxHandler over(SandboxCatalogue catalogue, PopularityDrift drift,
                                      DeletionsDuringDiscovery deletions, SandboxChanges changes,
                                      SandboxExports exports) {
        byte[] configuration = TmdbJson.configuration();
        return new Router(List.of(
                Route.of("/3/discover/movie", new DiscoverHandler(new DiscoverIndex(catalogue, drift), deletions)),
                Route.of("/3/movie/changes", new ChangesHandler(catalogue, changes)),
                Route.of("/3/movie/[^/]+", new MovieDetailsHandler(catalogue, drift, changes)),
                Route.of("/3/find/[^/]+", new FindHandler(catalogue)),
                Route.of("/3/search/movie", new SearchHandler(new MovieSearch(catalogue))),
                Route.of("/3/configuration", request -> SandboxResponse.ok(configuration)),
                Route.of(ExportPath.ROOT + "/[^/]*", new ExportHandler(exports))));
    }
}
