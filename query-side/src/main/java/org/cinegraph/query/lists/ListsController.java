package org.cinegraph.query.lists;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.cinegraph.query.web.ListPage;
import org.cinegraph.query.web.ListQuery;
import org.cinegraph.query.web.Paging;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The canonical lists read API: every list with how many of its members are matched to a TMDb movie, and one
 * list's members in list order. A member's status tells how far it got: {@code pending} (not looked up yet),
 * {@code not_found} (TMDb knows no movie of its IMDb id, or the lookup failed: {@code reason}), or, once found,
 * what became of its movie: {@code imported}, {@code skipped} by the quality filter, {@code failed} to fetch, or
 * {@code found} while its import is under way.
 */
@RestController
class ListsController {

    static final List<String> STATUSES = List.of("pending", "not_found", "found", "imported", "skipped", "failed");
    private static final String SUMMARY = """
            SELECT l.list_key, l.imported_at, count(m.imdb_id) AS size, count(m.tmdb_id) AS matched,
                   count(*) FILTER (WHERE m.status = 'not_found') AS not_found,
                   count(*) FILTER (WHERE m.status = 'pending') AS pending
              FROM canonical_lists l LEFT JOIN canonical_list_members m ON m.list_key = l.list_key""";
    private static final String MEMBERS = """
            (SELECT m.list_key, m.position, m.imdb_id, m.tmdb_id, m.title, m.year, m.reason, m.attempts,
                    CASE WHEN m.status <> 'found' THEN m.status
                         WHEN EXISTS (SELECT 1 FROM movies v WHERE v.tmdb_id = m.tmdb_id) THEN 'imported'
                         WHEN EXISTS (SELECT 1 FROM skipped_imports s WHERE s.tmdb_id = m.tmdb_id) THEN 'skipped'
                         WHEN EXISTS (SELECT 1 FROM import_failures f WHERE f.tmdb_id = m.tmdb_id) THEN 'failed'
                         ELSE 'found' END AS status
               FROM canonical_list_members m) AS members""";

    private final JdbcClient jdbc;

    ListsController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/api/lists")
    ListPage<ListSummary> lists(@RequestParam(required = false) Integer limit,
                                @RequestParam(required = false) Integer offset) {
        Paging paging = Paging.of(limit, offset);
        long total = jdbc.sql("SELECT count(*) FROM canonical_lists").query(Long.class).single();
        List<ListSummary> items = jdbc.sql(SUMMARY + " GROUP BY l.list_key ORDER BY l.list_key LIMIT :limit OFFSET :offset")
                .param("limit", paging.limit()).param("offset", paging.offset())
                .query(ListsController::summary).list();
        return new ListPage<>(total, items);
    }

    /** The list with its members in list order, those of one {@code status} when given. */
    @GetMapping("/api/lists/{key}")
    ListView list(@PathVariable String key, @RequestParam(required = false) String status,
                  @RequestParam(required = false) Integer limit, @RequestParam(required = false) Integer offset) {
        Paging paging = Paging.of(limit, offset);
        if (status != null && !STATUSES.contains(status)) {
            throw Paging.badRequest("status must be one of " + String.join(", ", STATUSES) + ".");
        }
        ListSummary summary = jdbc.sql(SUMMARY + " WHERE l.list_key = :key GROUP BY l.list_key")
                .param("key", key).query(ListsController::summary).optional()
                .orElseThrow(() -> notFound(key));
        ListPage<Member> members = ListQuery.from(MEMBERS)
                .where("list_key = :key", "key", key)
                .where("status = :status", "status", status)
                .page(jdbc, "position, imdb_id, tmdb_id, title, year, status, reason, attempts", "position", paging,
                        (rs, row) -> new Member(rs.getInt("position") + 1, rs.getString("imdb_id"),
                                rs.getObject("tmdb_id", Integer.class), rs.getString("title"),
                                rs.getObject("year", Integer.class), rs.getString("status"), rs.getString("reason"),
                                rs.getInt("attempts")));
        return new ListView(summary.key(), summary.size(), summary.matched(), summary.notFound(), summary.pending(),
                summary.importedAt(), members.total(), members.items());
    }

    private static ListSummary summary(ResultSet rs, int row) throws SQLException {
        return new ListSummary(rs.getString("list_key"), rs.getInt("size"), rs.getInt("matched"),
                rs.getInt("not_found"), rs.getInt("pending"), rs.getTimestamp("imported_at").toInstant());
    }

    private static ErrorResponseException notFound(String key) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No list '" + key
                + "' has been imported; POST /api/admin/lists/{key} imports one.");
        problem.setTitle("List not found");
        return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
    }

    /**
     * A list: {@code size} members, {@code matched} of them found in TMDb, {@code notFound} not, {@code pending}
     * not looked up yet; {@code importedAt} when it was last uploaded changed.
     */
    record ListSummary(String key, int size, int matched, int notFound, int pending, Instant importedAt) {
    }

    /** A list with one page of its members ({@code total} counts those of the status asked for). */
    record ListView(String key, int size, int matched, int notFound, int pending, Instant importedAt, long total,
                    List<Member> items) {
    }

    /**
     * A member: its {@code position} in the list from 1, {@code tmdbId} null until found, {@code reason} why the
     * last lookup failed, {@code attempts} how many lookups it took.
     */
    record Member(int position, String imdbId, Integer tmdbId, String title, Integer year, String status,
                  String reason, int attempts) {
    }
}
