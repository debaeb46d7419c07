package org.cinegraph.sandbox;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Year;
import java.util.Optional;
import java.util.function.IntPredicate;

/**
 * {@code GET /3/discover/movie}: the release-year and release-date filters, sorting and paging, with
 * TMDb's limits. TMDb reports the true totals however many pages there are, yet refuses pages past
 * 500, so a client must narrow its date windows to reach every movie of a large year.
 */
final class DiscoverHandler implements SandboxHandler {

    private static final int MAX_PAGE = 500;

    private final DiscoverIndex index;
    private final DeletionsDuringDiscovery deletions;

    DiscoverHandler(DiscoverIndex index, DeletionsDuringDiscovery deletions) {
        this.index = index;
        this.deletions = deletions;
    }

    @Override
    public SandboxResponse handle(SandboxRequest request) {
        // Every request that gets here counts towards deletions during discovery, even one rejected below.
        Optional<IntPredicate> deleted = deletions.nextDiscoverRequest();
        try {
            int page = page(request.parameter("page"));
            DiscoverQuery query = query(request);
            return SandboxResponse.ok(TmdbJson.discoverPage(index.page(query, page, deleted)));
        } catch (Rejected rejected) {
            return rejected.error.response();
        }
    }

    private static int page(Optional<String> parameter) {
        if (parameter.isEmpty()) {
            return 1;
        }
        try {
            int page = Integer.parseInt(parameter.get());
            if (page >= 1 && page <= MAX_PAGE) {
                return page;
            }
        } catch (NumberFormatException notANumber) {
            // Falls through to TMDb's invalid-page answer, the same as for a page out of range.
        }
        throw new Rejected(TmdbError.INVALID_PAGE);
    }

    private static DiscoverQuery query(SandboxRequest request) {
        DiscoverSort sort = request.parameter("sort_by")
                .map(parameter -> DiscoverSort.fromParameter(parameter)
                        .orElseThrow(() -> new Rejected(TmdbError.INVALID_PARAMETERS)))
                .orElse(DiscoverSort.DEFAULT);
        DiscoverQuery query = DiscoverQuery.all(sort);
        Optional<String> year = request.parameter("primary_release_year");
        if (year.isPresent()) {
            query = query.releasedIn(year(year.get()));
        }
        Optional<String> from = request.parameter("primary_release_date.gte");
        if (from.isPresent()) {
            query = query.releasedFrom(date(from.get()));
        }
        Optional<String> to = request.parameter("primary_release_date.lte");
        if (to.isPresent()) {
            query = query.releasedUntil(date(to.get()));
        }
        return query;
    }

    private static Year year(String parameter) {
        try {
            return Year.of(Integer.parseInt(parameter));
        } catch (NumberFormatException | DateTimeException notAYear) {
            throw new Rejected(TmdbError.INVALID_PARAMETERS);
        }
    }

    private static LocalDate date(String parameter) {
        try {
            return LocalDate.parse(parameter);
        } catch (DateTimeException notADate) {
            throw new Rejected(TmdbError.INVALID_DATE);
        }
    }

    /** Carries a parameter's rejection out of the parsing helpers; no stack trace is worth its cost. */
    private static final class Rejected extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final TmdbError error;

        Rejected(TmdbError error) {
            super(error.name(), null, false, false);
            this.error = error;
        }
    }
}
