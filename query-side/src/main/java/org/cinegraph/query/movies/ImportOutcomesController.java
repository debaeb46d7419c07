package org.cinegraph.query.movies;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.cinegraph.events.MovieImportFailed;
import org.cinegraph.events.QualityCriteria;
import org.cinegraph.query.web.ListPage;
import org.cinegraph.query.web.ListQuery;
import org.cinegraph.query.web.Paging;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The movies that were not imported: skipped by the quality filter, or failed. */
@RestController
class ImportOutcomesController {

    /** {@code year_import}, {@code festival:AMPAS}, {@code list:{key}}. */
    private static final Pattern SOURCE = Pattern.compile("year_import|festival:[A-Za-z0-9_-]{1,32}|list:[A-Za-z0-9_-]{1,64}");
    private static final int MAX_QUERY_LENGTH = 100;

    private final JdbcClient jdbc;
    private final Clock clock;

    ImportOutcomesController(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** {@code q} matches anywhere in the title, ignoring case. */
    @GetMapping("/api/import/skipped")
    ListPage<SkippedImport> skipped(@RequestParam(required = false) Integer year,
                                    @RequestParam(required = false) String criterion,
                                    @RequestParam(required = false) String q,
                                    @RequestParam(required = false) Integer limit,
                                    @RequestParam(required = false) Integer offset) {
        Paging paging = Paging.of(limit, offset);
        if (criterion != null && !QualityCriteria.ALL.contains(criterion)) {
            throw Paging.badRequest("criterion must be one of " + QualityCriteria.ALL + ".");
        }
        return ListQuery.from("skipped_imports")
                .year(year, clock)
                .where(":criterion = ANY (criteria_failed)", "criterion", criterion)
                .titleContains(q, MAX_QUERY_LENGTH)
                .page(jdbc, "tmdb_id, imdb_id, title, year, reason, criteria_failed, skipped_at",
                        "skipped_at DESC, tmdb_id", paging, ImportOutcomesController::skipped);
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
        if (source != null && !SOURCE.matcher(source).matches()) {
            throw Paging.badRequest("source must be year_import, festival:{org} or list:{key}.");
        }
        if (reason != null && !MovieImportFailed.REASONS.contains(reason)) {
            throw Paging.badRequest("reason must be one of " + MovieImportFailed.REASONS + ".");
        }
        return ListQuery.from("import_failures")
                .year(year, clock)
                .where("source = :source", "source", source)
                .where("reason = :reason", "reason", reason)
                .titleContains(q, MAX_QUERY_LENGTH)
                .page(jdbc, "tmdb_id, imdb_id, title, year, source, reason, retry_count, detail, last_attempt_at,"
                                + " subject",
                        "last_attempt_at DESC, source, subject", paging, ImportOutcomesController::failure);
    }

    private static SkippedImport skipped(ResultSet rs, int row) throws SQLException {
        Array criteria = rs.getArray("criteria_failed");
        return new SkippedImport(rs.getInt("tmdb_id"), rs.getString("imdb_id"), rs.getString("title"),
                rs.getObject("year", Integer.class), rs.getString("reason"),
                Arrays.asList((String[]) criteria.getArray()), instant(rs.getTimestamp("skipped_at")));
    }

    private static ImportFailure failure(ResultSet rs, int row) throws SQLException {
        return new ImportFailure(rs.getObject("tmdb_id", Integer.class), rs.getString("imdb_id"), rs.getString("title"),
                rs.getObject("year", Integer.class), rs.getString("source"), rs.getString("reason"),
                rs.getInt("retry_count"), rs.getString("detail"), instant(rs.getTimestamp("last_attempt_at")),
                rs.getString("subject"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    record SkippedImport(int tmdbId, String imdbId, String title, Integer year, String reason,
                         List<String> criteriaFailed, Instant skippedAt) {
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
