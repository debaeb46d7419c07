package org.cinegraph.sandbox.tmdb;

import java.util.Optional;
import java.util.function.IntPredicate;

import org.cinegraph.sandbox.http.SandboxHandler;
import org.cinegraph.sandbox.http.SandboxRequest;
import org.cinegraph.sandbox.http.SandboxResponse;
import org.cinegraph.sandbox.http.TmdbError;
import org.cinegraph.sandbox.tmdb.TmdbParameters.Rejected;

/**
 * {@code GET /3/discover/movie}: the release-year and release-date filters, {@code include_adult} and
 * {@code include_video} (both false unless sent, as on TMDb), sorting and paging, with TMDb's limits. TMDb
 * reports the true totals however many pages there are, yet refuses pages past 500, so a client must narrow its
 * date windows to reach every movie of a large year.
 */
record DiscoverHandler(DiscoverIndex index, DeletionsDuringDiscovery deletions) implements SandboxHandler {

    @Override
    public SandboxResponse handle(SandboxRequest request) {
        // Every request that gets here counts towards deletions during discovery, even one rejected below.
        Optional<IntPredicate> deleted = deletions.nextDiscoverRequest();
        try {
            int page = TmdbParameters.page(request.parameter("page"));
            DiscoverQuery query = query(request);
            return SandboxResponse.ok(TmdbJson.discoverPage(index.page(query, page, deleted)));
        } catch (Rejected rejected) {
            return rejected.response();
        }
    }

    private static DiscoverQuery query(SandboxRequest request) {
        DiscoverSort sort = request.parameter("sort_by")
                .map(parameter -> DiscoverSort.fromParameter(parameter)
                        .orElseThrow(() -> new Rejected(TmdbError.INVALID_PARAMETERS)))
                .orElse(DiscoverSort.DEFAULT);
        DiscoverQuery query = DiscoverQuery.all(sort).including(
                TmdbParameters.flag(request.parameter("include_adult")),
                TmdbParameters.flag(request.parameter("include_video")));
        Optional<String> year = request.parameter("primary_release_year");
        if (year.isPresent()) {
            query = query.releasedIn(TmdbParameters.year(year.get()));
        }
        Optional<String> from = request.parameter("primary_release_date.gte");
        if (from.isPresent()) {
            query = query.releasedFrom(TmdbParameters.date(from.get()));
        }
        Optional<String> to = request.parameter("primary_release_date.lte");
        if (to.isPresent()) {
            query = query.releasedUntil(TmdbParameters.date(to.get()));
        }
        return query;
    }
}
