package org.cinegraph.query.answers;

import java.util.Collection;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * How often each writer of each projection has committed ({@code read_model_versions}, V34): what tells a node that
 * an answer it keeps ({@link KeptAnswers}) may have changed.
 */
@Repository
public class ReadModelVersions {

    /** A dead letter's retry, which writes outside any segment. */
    public static final int DEAD_LETTER_RETRY = -1;
    /** A replay's swap of its rebuilt tables (its reset only empties the copies, which no one reads). */
    public static final int REPLAY = -2;

    /**
     * How long the version's query may run in PostgreSQL (a lock it waits for, say): the requests that share it wait
     * for it ({@link SharedVersionReads}, which also bounds their wait however long the query takes to come back),
     * so it must end, and the requests read their answers from the tables instead.
     */
    static final int VERSION_TIMEOUT_SECONDS = 5;

    private final JdbcClient jdbc;
    /** The same database, its statements cut at {@value #VERSION_TIMEOUT_SECONDS} s. */
    private final JdbcClient versions;

    ReadModelVersions(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        JdbcTemplate timed = new JdbcTemplate(dataSource);
        timed.setQueryTimeout(VERSION_TIMEOUT_SECONDS);
        this.versions = JdbcClient.create(timed);
    }

    /**
     * Counts one more commit of {@code writer} of {@code projection}, in the caller's transaction (the one whose
     * rows it stands for). Only this writer's row is locked, so the segments of a projection never wait on each
     * other for it.
     */
    public void committed(String projection, int writer) {
        jdbc.sql("""
                        INSERT INTO read_model_versions AS v (projection, writer, version)
                        VALUES (:projection, :writer, 1)
                        ON CONFLICT (projection, writer) DO UPDATE SET version = v.version + 1""")
                .param("projection", projection).param("writer", writer).update();
    }

    /**
     * The version of every read model now: it differs from any taken before as soon as any projection committed
     * since, when the table was recreated (its identity is part of it) and when PostgreSQL restarted (its start
     * time is part of it: projections commit without waiting for the disk, so a crash may lose the last counts,
     * and the sum could come back to a figure an answer was kept under, with other rows behind it). Empty when the
     * table, or any of the tables the query was built for ({@link #query(Collection)}), is missing: nothing kept
     * can be trusted, or served, then.
     */
    Optional<String> current(Query query) {
        try {
            return versions.sql(query.sql()).query(String.class).optional();
        } catch (DataAccessException missing) {
            // read_model_versions itself is missing (dropped by hand): it comes back empty, with a new identity. Or
            // the query took too long, or no connection came: the answers are read, as they would be then.
            return Optional.empty();
        }
    }

    /**
     * The statement {@link #current(Query)} runs for these tables, built once: the names are written into it, so
     * each request sends no parameter (binding an array a request cost more than the query).
     */
    static Query query(Collection<String> tables) {
        String names = tables.stream().map(table -> "('" + table.replace("'", "''") + "')")
                .collect(Collectors.joining(", "));
        return new Query("""
                SELECT CAST(to_regclass('read_model_versions') AS oid) || '/'
                       || extract(epoch FROM pg_postmaster_start_time()) || '/' || coalesce(sum(version), 0)
                  FROM read_model_versions
                """ + (tables.isEmpty() ? "" : """
                HAVING NOT EXISTS (SELECT 1 FROM (VALUES %s) AS t (name)
                                    WHERE to_regclass(quote_ident(t.name)) IS NULL)""".formatted(names)));
    }

    /** The version's statement for a set of tables ({@link #query(Collection)}). */
    record Query(String sql) {
    }
}
