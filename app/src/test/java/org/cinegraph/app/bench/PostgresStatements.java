package org.cinegraph.app.bench;

import java.util.List;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * PostgreSQL's own account of the statements a rebuild ran (pg_stat_statements, which the embedded server's
 * binaries include but only load at start): how often each ran and how long it took inside the server.
 */
final class PostgresStatements {

    private static final int SHOWN = 15;

    private PostgresStatements() {
    }

    /** @param totalMillis time spent executing it inside PostgreSQL, all calls together */
    record Statement(long calls, double totalMillis, double meanMillis, long rows, String query) {
    }

    /** Takes effect at the server's next start. */
    static void loadAtNextStart(JdbcClient jdbc) {
        jdbc.sql("ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'").update();
    }

    static void reset(JdbcClient jdbc) {
        jdbc.sql("CREATE EXTENSION IF NOT EXISTS pg_stat_statements").update();
        jdbc.sql("SELECT pg_stat_statements_reset()").query().singleRow();
    }

    /** The statements that took the most time since the reset, and a last row summing up all of them. */
    static List<Statement> slowest(JdbcClient jdbc) {
        List<Statement> slowest = jdbc.sql("""
                        SELECT calls, total_exec_time, mean_exec_time, rows,
                               left(regexp_replace(query, '\\s+', ' ', 'g'), 200) AS query
                          FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT :shown""")
                .param("shown", SHOWN)
                .query((row, number) -> new Statement(row.getLong("calls"), row.getDouble("total_exec_time"),
                        row.getDouble("mean_exec_time"), row.getLong("rows"), row.getString("query")))
                .list();
        Statement all = jdbc.sql("""
                        SELECT sum(calls) AS calls, sum(total_exec_time) AS total, sum(rows) AS rows
                          FROM pg_stat_statements""")
                .query((row, number) -> new Statement(row.getLong("calls"), row.getDouble("total"),
                        row.getDouble("total") / Math.max(1, row.getLong("calls")), row.getLong("rows"),
                        "(all statements)"))
                .single();
        return Stream.concat(slowest.stream(), Stream.of(all)).toList();
    }
}
