package org.cinegraph.app.bench;

import java.util.List;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * PostgreSQL's own account of a rebuild: the statements it ran (pg_stat_statements, which the embedded
 * server's binaries include but only load at start), with how often and how long each ran inside the server,
 * and the work around them that also costs its CPU: rows written per table, autovacuum, checkpoints and WAL.
 */
final class PostgresProfile {

    private static final int SHOWN = 15;

    private PostgresProfile() {
    }

    /** @param totalMillis time spent executing it inside PostgreSQL, all calls together */
    record Statement(long calls, double totalMillis, double meanMillis, long rows, String query) {
    }

    /** Rows written to one table and the autovacuum runs it drew, since the reset. */
    record TableWrites(String table, long inserted, long updated, long deleted, long autovacuums,
                       long autoanalyzes) {
    }

    /**
     * @param checkpoints checkpoints started, on time or because the WAL grew past max_wal_size
     * @param fullPageImages WAL records carrying whole pages, written for the first change of a page after a
     *     checkpoint
     */
    record Report(List<Statement> slowestStatements, List<TableWrites> tables, long checkpoints, long walBytes,
                   long fullPageImages) {
    }

    /** Takes effect at the server's next start. */
    static void loadAtNextStart(JdbcClient jdbc) {
        jdbc.sql("ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'").update();
    }

    static void reset(JdbcClient jdbc) {
        jdbc.sql("CREATE EXTENSION IF NOT EXISTS pg_stat_statements").update();
        for (String reset : List.of("pg_stat_statements_reset()", "pg_stat_reset()",
                "pg_stat_reset_shared('checkpointer')", "pg_stat_reset_shared('wal')")) {
            jdbc.sql("SELECT " + reset).query().singleRow();
        }
    }

    static Report since(JdbcClient jdbc) {
        return new Report(slowestStatements(jdbc), tables(jdbc),
                jdbc.sql("SELECT num_timed + num_requested FROM pg_stat_checkpointer").query(Long.class).single(),
                jdbc.sql("SELECT wal_bytes FROM pg_stat_wal").query(Long.class).single(),
                jdbc.sql("SELECT wal_fpi FROM pg_stat_wal").query(Long.class).single());
    }

    /** The statements that took the most time, and a last row summing up all of them. */
    private static List<Statement> slowestStatements(JdbcClient jdbc) {
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

    private static List<TableWrites> tables(JdbcClient jdbc) {
        return jdbc.sql("""
                        SELECT schemaname || '.' || relname AS name, n_tup_ins, n_tup_upd, n_tup_del,
                               autovacuum_count, autoanalyze_count
                          FROM pg_stat_user_tables
                         WHERE n_tup_ins + n_tup_upd + n_tup_del + autovacuum_count + autoanalyze_count > 0
                         ORDER BY n_tup_ins + n_tup_upd + n_tup_del DESC""")
                .query((row, number) -> new TableWrites(row.getString("name"), row.getLong("n_tup_ins"),
                        row.getLong("n_tup_upd"), row.getLong("n_tup_del"), row.getLong("autovacuum_count"),
                        row.getLong("autoanalyze_count")))
                .list();
    }
}
