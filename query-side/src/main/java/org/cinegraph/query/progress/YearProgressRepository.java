package org.cinegraph.query.progress;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class YearProgressRepository {

    private static final String COLUMNS = """
            year, status, tmdb_total, discovered, imported, skipped, failed, pages_total, pages_done,
            started_at, completed_at, failure_reason, last_progress_at""";

    private final JdbcClient jdbc;

    YearProgressRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<YearProgress> allNewestFirst() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM year_progress ORDER BY year DESC")
                .query(YearProgressRepository::map)
                .list();
    }

    Optional<YearProgress> find(int year) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM year_progress WHERE year = :year")
                .param("year", year)
                .query(YearProgressRepository::map)
                .optional();
    }

    /** TMDb's count of all its movies as last recorded, from {@code import_state}; empty until read. */
    Optional<Long> tmdbTotal() {
        return jdbc.sql("SELECT value FROM import_state WHERE key = 'tmdb_total_movies'").query(String.class)
                .optional().map(Long::valueOf);
    }

    /** Movies imported over all years: the catalogue we hold. */
    public long importedMovies() {
        return jdbc.sql("SELECT COALESCE(SUM(imported), 0) FROM year_progress").query(Long.class).single();
    }

    private static YearProgress map(ResultSet rs, int row) throws SQLException {
        return new YearProgress(
                rs.getInt("year"),
                rs.getString("status"),
                rs.getObject("tmdb_total", Integer.class),
                rs.getInt("discovered"),
                rs.getInt("imported"),
                rs.getInt("skipped"),
                rs.getInt("failed"),
                rs.getObject("pages_total", Integer.class),
                rs.getInt("pages_done"),
                instant(rs.getTimestamp("started_at")),
                instant(rs.getTimestamp("completed_at")),
                rs.getString("failure_reason"),
                instant(rs.getTimestamp("last_progress_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
