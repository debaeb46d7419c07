package org.cinegraph.query.web;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cinegraph.events.ImportYears;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A list endpoint's query: filters that are each one fixed SQL condition over a named parameter (user input
 * only ever travels as a parameter), a count of every match, and one page of them.
 */
public final class ListQuery {

    private final String table;
    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> params = new HashMap<>();

    private ListQuery(String table) {
        this.table = table;
    }

    public static ListQuery from(String table) {
        return new ListQuery(table);
    }

    /** Adds {@code condition} (which refers to {@code :name}) when {@code value} is given. */
    public ListQuery where(String condition, String name, Object value) {
        if (value != null) {
            conditions.add(condition);
            params.put(name, value);
        }
        return this;
    }

    /** Filters on the {@code year} column; a year TMDb cannot hold is a 400. */
    public ListQuery year(Integer year, Clock clock) {
        return where("year = :year", "year", year == null ? null : ImportYears.requireImportable(year, clock));
    }

    /**
     * Keeps the rows whose {@code title} contains {@code q}, ignoring case. {@code %}, {@code _} and {@code \} are
     * characters of a title like any other, not patterns. A blank {@code q} keeps every row; one longer than
     * {@code maxLength}, or holding a NUL character, is a 400.
     */
    public ListQuery titleContains(String q, int maxLength) {
        if (q == null || q.isBlank()) {
            return this;
        }
        if (q.length() > maxLength) {
            throw Paging.badRequest("q is longer than " + maxLength + " characters.");
        }
        // PostgreSQL's text cannot hold a NUL: it refuses the whole query rather than match nothing.
        if (q.indexOf('\0') >= 0) {
            throw Paging.badRequest("q cannot hold a NUL character.");
        }
        String literal = q.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return where("title ILIKE :q ESCAPE '\\'", "q", "%" + literal + "%");
    }

    public <T> ListPage<T> page(JdbcClient jdbc, String columns, String orderBy, Paging paging, RowMapper<T> rows) {
        long total = jdbc.sql("SELECT count(*) FROM " + table + where()).params(params).query(Long.class).single();
        return page(jdbc, columns, orderBy, paging, rows, total);
    }

    /** One page of the matches, {@code total} of them in all as counted elsewhere (a count a projection keeps). */
    public <T> ListPage<T> page(JdbcClient jdbc, String columns, String orderBy, Paging paging, RowMapper<T> rows,
                                long total) {
        List<T> items = jdbc.sql("SELECT " + columns + " FROM " + table + where()
                        + " ORDER BY " + orderBy + " LIMIT :limit OFFSET :offset")
                .params(params).param("limit", paging.limit()).param("offset", paging.offset())
                .query(rows).list();
        return new ListPage<>(total, items);
    }

    private String where() {
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }
}
