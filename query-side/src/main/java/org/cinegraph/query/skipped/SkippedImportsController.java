package org.cinegraph.query.skipped;

import static org.cinegraph.kernel.problems.Problems.invalidParameter;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.cinegraph.events.QualityCriteria;
import org.cinegraph.query.web.ListFilters;
import org.cinegraph.query.web.ListPage;
import org.cinegraph.query.web.Paging;
import org.hibernate.query.criteria.HibernateCriteriaBuilder;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The movies the quality filter kept out, newest first, with the criteria each failed. */
@RestController
record SkippedImportsController(SkippedImportRepository skips, Clock clock) {

    private static final int MAX_QUERY_LENGTH = 100;
    private static final Sort NEWEST_SKIP_FIRST = Sort.by(Sort.Order.desc("skippedAt"), Sort.Order.asc("tmdbId"));

    /** {@code q} matches anywhere in the title, ignoring case. */
    @GetMapping("/api/import/skipped")
    ListPage<SkippedImport> skipped(@RequestParam(required = false) Integer year,
                                    @RequestParam(required = false) String criterion,
                                    @RequestParam(required = false) String q,
                                    @RequestParam(required = false) Integer limit,
                                    @RequestParam(required = false) Integer offset) {
        Paging paging = Paging.of(limit, offset);
        if (criterion != null && !QualityCriteria.ALL.contains(criterion)) {
            throw invalidParameter("criterion must be one of " + QualityCriteria.ALL + ".");
        }
        Specification<SkippedImportRow> skipsAsked = Specification.allOf(
                ListFilters.year(year, clock),
                failed(criterion),
                ListFilters.titleContains(q, MAX_QUERY_LENGTH));
        return ListPage.of(skips.findAll(skipsAsked, paging.sortedBy(NEWEST_SKIP_FIRST)).map(SkippedImportRow::view));
    }

    /**
     * The skips that failed {@code criterion}, when given. By its position in the array (0 where absent), not with
     * Hibernate's {@code arrayContains}: that compares the column with an array of {@code varchar}, and PostgreSQL has
     * no such operator for {@code text[]}.
     */
    private static Specification<SkippedImportRow> failed(String criterion) {
        return criterion == null ? Specification.unrestricted() : (skip, query, where) -> where.greaterThan(
                ((HibernateCriteriaBuilder) where).arrayPosition(skip.get("criteriaFailed"), criterion), 0);
    }

    record SkippedImport(int tmdbId, String imdbId, String title, Integer year, String reason,
                         List<String> criteriaFailed, Instant skippedAt) {
    }
}
