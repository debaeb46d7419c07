package org.cinegraph.query.movies;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.cinegraph.events.ImportYears;
import org.cinegraph.events.MovieImportFailed;
import org.cinegraph.events.QualityCriteria;
import org.cinegraph.query.web.ListPage;
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

    private final JdbcClient jdbc;
    private final Clock clock;

    ImportOutcomesController(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @GetMapping("/api/import/skipped")
    ListPage<SkippedImport> skipped(@RequestParam(required = false) Integer year,
                                    @RequestParam(required = false) String criterion,
                                    @RequestParam(required = false) Integer limit,
                                    @RequestParam(required = false) Integer offset) {
        Paging paging = Paging.of(limit, offset);
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (year != null) {
            conditions.add("year = :year");
            params.put("year", ImportYears.requireImportable(year, clock));
        }
        if (criterion != null) {
            if (!QualityCriteria.ALL.contains(criterion)) {
                throw Paging.badRequest("criterion must be one of " + QualityCriteria.ALL + ".");
            }
            conditions.add(":criterion = ANY (criteria_failed)");
            params.put("criterion", criterion);
        }
        String where = where(conditions);
        long total = jdbc.sql("SELECT count(*) FROM skipped_imports" + where).params(params).query(Long.class).single();
        List<SkippedImport> items = jdbc.sql("""
                        SELECT tmdb_id, title, year, reason, criteria_failed, skipped_at FROM skipped_imports""" + where
                        + " ORDER BY skipped_at DESC, tmdb_id LIMIT :limit OFFSET :offset")
                .params(params).param("limit", paging.limit()).param("offset", paging.offset())
                .query(ImportOutcomesController::skipped).list();
        return new ListPage<>(total, items);
    }

    @GetMapping("/api/import/failures")
    ListPage<ImportFailure> failures(@RequestParam(required = false) Integer year,
                                     @RequestParam(required = false) String source,
                                     @RequestParam(required = false) String reason,
                                     @RequestParam(required = false) Integer limit,
                                     @RequestParam(required = false) Integer offset) {
        Paging paging = Paging.of(limit, offset);
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (year != null) {
            conditions.add("year = :year");
            params.put("year", ImportYears.requireImportable(year, clock));
        }
        if (source != null) {
            if (!SOURCE.matcher(source).matches()) {
                throw Paging.badRequest("source must be year_import, festival:{org} or list:{key}.");
            }
            conditions.add("source = :source");
            params.put("source", source);
        }
        if (reason != null) {
            if (!MovieImportFailed.REASONS.contains(reason)) {
                throw Paging.badRequest("reason must be one of " + MovieImportFailed.REASONS + ".");
            }
            conditions.add("reason = :reason");
            params.put("reason", reason);
        }
        String where = where(conditions);
        long total = jdbc.sql("SELECT count(*) FROM import_failures" + where).params(params).query(Long.class).single();
        List<ImportFailure> items = jdbc.sql("""
                        SELECT tmdb_id, imdb_id, title, year, source, reason, retry_count, last_attempt_at
                          FROM import_failures""" + where
                        + " ORDER BY last_attempt_at DESC, source, tmdb_id LIMIT :limit OFFSET :offset")
                .params(params).param("limit", paging.limit()).param("offset", paging.offset())
                .query(ImportOutcomesController::failure).list();
        return new ListPage<>(total, items);
    }

    private static String where(List<String> conditions) {
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    private static SkippedImport skipped(ResultSet rs, int row) throws SQLException {
        Array criteria = rs.getArray("criteria_failed");
        return new SkippedImport(rs.getInt("tmdb_id"), rs.getString("title"), rs.getObject("year", Integer.class),
                rs.getString("reason"), Arrays.asList((String[]) criteria.getArray()),
                instant(rs.getTimestamp("skipped_at")));
    }

    private static ImportFailure failure(ResultSet rs, int row) throws SQLException {
        return new ImportFailure(rs.getInt("tmdb_id"), rs.getString("imdb_id"), rs.getString("title"),
                rs.getObject("year", Integer.class), rs.getString("source"), rs.getString("reason"),
                rs.getInt("retry_count"), instant(rs.getTimestamp("last_attempt_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    record SkippedImport(int tmdbId, String title, Integer year, String reason, List<String> criteriaFailed,
                         Instant skippedAt) {
    }

    record ImportFailure(int tmdbId, String imdbId, String title, Integer year, String source, String reason,
                         int retryCount, Instant lastAttemptAt) {
    }
}
