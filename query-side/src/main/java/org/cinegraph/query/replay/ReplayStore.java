package org.cinegraph.query.replay;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The {@code projection_replay} rows: what every node knows about each projection's latest replay. */
@Component
class ReplayStore {

    private static final String COLUMNS =
            "name, state, requested_at, started_at, completed_at, reset_position, failure";

    private final JdbcClient jdbc;

    ReplayStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a request for a replay; false when one is already requested or rebuilding. */
    boolean request(String name) {
        return jdbc.sql("""
                        INSERT INTO projection_replay (name, state, requested_at) VALUES (:name, 'requested', now())
                        ON CONFLICT (name) DO UPDATE
                           SET state = 'requested', requested_at = now(), started_at = NULL, completed_at = NULL,
                               reset_position = NULL, failure = NULL
                         WHERE projection_replay.state NOT IN ('requested', 'rebuilding')
                        """).param("name", name).update() == 1;
    }

    List<ReplayState> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM projection_replay").query(ReplayStore::row).list();
    }

    Optional<ReplayState> find(String name) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM projection_replay WHERE name = :name")
                .param("name", name).query(ReplayStore::row).optional();
    }

    /**
     * The projection's replay state, locked until the end of the transaction: shared by the projection's own
     * transactions, exclusively by a reset or a swap, so neither happens while a batch is being written.
     */
    Optional<ReplayState> lockShared(String name) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM projection_replay WHERE name = :name FOR SHARE")
                .param("name", name).query(ReplayStore::row).optional();
    }

    Optional<ReplayState> lockExclusive(String name) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM projection_replay WHERE name = :name FOR UPDATE")
                .param("name", name).query(ReplayStore::row).optional();
    }

    void rebuilding(String name, long resetPosition) {
        jdbc.sql("""
                        UPDATE projection_replay SET state = 'rebuilding', started_at = now(), reset_position = :position
                         WHERE name = :name""")
                .param("name", name).param("position", resetPosition).update();
    }

    void completed(String name) {
        jdbc.sql("UPDATE projection_replay SET state = 'completed', completed_at = now() WHERE name = :name")
                .param("name", name).update();
    }

    /** Records that the requested replay could not start; never overrides a reset another node made. */
    void failed(String name, String failure) {
        jdbc.sql("UPDATE projection_replay SET state = 'failed', completed_at = now(), failure = :failure"
                        + " WHERE name = :name AND state = 'requested'")
                .param("name", name).param("failure", failure).update();
    }

    /**
     * Starts the rebuild that began at {@code startedAt} over, for copies that no longer match the live
     * tables. It keeps its start, which tells the projection's batches to go on writing to the old copies
     * (never the live tables) until every node has shut its processor down for the new reset.
     */
    void requestAgain(String name, Instant startedAt) {
        jdbc.sql("UPDATE projection_replay SET state = 'requested', reset_position = NULL"
                        + " WHERE name = :name AND state = 'rebuilding' AND started_at = :started")
                .param("name", name).param("started", Timestamp.from(startedAt)).update();
    }

    private static ReplayState row(ResultSet rs, int row) throws SQLException {
        return new ReplayState(rs.getString("name"), rs.getString("state"), instant(rs, "requested_at"),
                instant(rs, "started_at"), instant(rs, "completed_at"), rs.getObject("reset_position", Long.class),
                rs.getString("failure"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
