package org.cinegraph.query.failures;

import static org.cinegraph.kernel.problems.Problems.invalidParameter;

import java.time.Clock;
import java.time.Instant;
import org.cinegraph.events.ImportSource;
import org.cinegraph.events.MovieImportFailed;
import org.cinegraph.query.web.ListFilters;
import org.cinegraph.query.web.ListPage;
import org.cinegraph.query.web.Paging;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The failures of every source, the latest attempt first, until what failed succeeds. */
@RestController
class ImportFailuresController {

    private static final int MAX_QUERY_LENGTH = 100;
    private static final Sort LATEST_FAILURE_FIRST = Sort.by(Sort.Order.desc("lastAttemptAt"),
            Sort.Order.asc("source"), Sort.Order.asc("subject"));

    private final ImportFailureRepository failures;
    private final Clock clock;

    ImportFailuresController(ImportFailureRepository failures, Clock clock) {
        this.failures = failures;
        this.clock = clock;
    }

    /** {@code q} matches anywhere in the title, ignoring case. */
    @GetMapping("/api/import/failures")
    ListPage<ImportFailure> failures(@RequestParam(required = false) Integer year,
                                     @RequestParam(required = false) String source,
                                     @RequestParam(required = false) String reason,
                                     @RequestParam(required = false) String q,
                                     @RequestParam(required = false) Integer limit,
                                     @RequestParam(required = false) Integer offset) {
        Paging paging = Paging.of(limit, offset);
        if (source != null && ImportSource.parse(source).isEmpty()) {
            throw invalidParameter("source must be year_import, festival:{org} or list:{key}.");
        }
        if (reason != null && !MovieImportFailed.REASONS.contains(reason)) {
            throw invalidParameter("reason must be one of " + MovieImportFailed.REASONS + ".");
        }
        Specification<ImportFailureRow> failuresAsked = Specification.allOf(
                ListFilters.year(year, clock),
                ListFilters.equal("source", source),
                ListFilters.equal("reason", reason),
                ListFilters.titleContains(q, MAX_QUERY_LENGTH));
        return ListPage.of(failures.findAll(failuresAsked, paging.sortedBy(LATEST_FAILURE_FIRST))
                .map(ImportFailureRow::view));
    }

    /**
     * {@code tmdbId} is null for a failure of something TMDb gave no id for (a nomination's film no movie matched);
     * {@code detail} says what went wrong, in words for a person. {@code subject} names the failure within its
     * source (a TMDb id, a list member's IMDb id, a nomination), so a client can tell failures apart and name one to
     * the API; it is opaque: sent back as it is, never taken apart.
     */
    record ImportFailure(Integer tmdbId, String imdbId, String title, Integer year, String source, String reason,
                         int retryCount, String detail, Instant lastAttemptAt, String subject) {
    }
}
