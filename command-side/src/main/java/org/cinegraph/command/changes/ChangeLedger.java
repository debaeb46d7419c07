package org.cinegraph.command.changes;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The delta sync's own records (V10__import_schedule.sql): how far TMDb's change feed was read, and which node runs
 * the sync.
 */
@Repository
class ChangeLedger {

    private final JdbcClient jdbc;

    ChangeLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return whether {@code owner} now runs the sync: no node held it, or its node let its claim run out */
    boolean claim(String owner, Duration lease) {
        return jdbc.sql("""
                        UPDATE import_ledger_change_sync
                           SET owner = :owner, lease_until = clock_timestamp() + make_interval(secs => :lease)
                         WHERE id = 1 AND (owner IS NULL OR lease_until < clock_timestamp())""")
                .param("owner", owner).param("lease", seconds(lease)).update() == 1;
    }

    /** @return false when {@code owner} no longer holds the sync */
    boolean renew(String owner, Duration lease) {
        return jdbc.sql("""
                        UPDATE import_ledger_change_sync
                           SET lease_until = clock_timestamp() + make_interval(secs => :lease)
                         WHERE id = 1 AND owner = :owner""")
                .param("owner", owner).param("lease", seconds(lease)).update() == 1;
    }

    void release(String owner) {
        jdbc.sql("""
                        UPDATE import_ledger_change_sync SET owner = NULL, lease_until = NULL
                         WHERE id = 1 AND owner = :owner""")
                .param("owner", owner).update();
    }

    /** The day up to which the feed was read, inclusive; empty before the first sync. */
    Optional<LocalDate> checkedUntil() {
        return firstDay(jdbc.sql("SELECT checked_until FROM import_ledger_change_sync WHERE id = 1"));
    }

    /** The feed was read up to {@code day} by {@code owner}'s sync, if it still holds it; never moves back. */
    void checkedUntil(String owner, LocalDate day) {
        jdbc.sql("""
                        UPDATE import_ledger_change_sync SET checked_until = :day
                         WHERE id = 1 AND owner = :owner AND (checked_until IS NULL OR checked_until <= :day)""")
                .param("owner", owner).param("day", day).update();
    }

    /**
     * Whether {@code owner} holds the sync; the row stays share-locked until the caller's transaction ends, so no
     * other node takes the sync over before its writes commit.
     */
    boolean holdsClaim(String owner) {
        return jdbc.sql("SELECT 1 FROM import_ledger_change_sync WHERE id = 1 AND owner = :owner FOR SHARE")
                .param("owner", owner).query(Integer.class).optional().isPresent();
    }

    /** The day in the first column of the statement's one row, which may be null. */
    private static Optional<LocalDate> firstDay(JdbcClient.StatementSpec statement) {
        return statement.query((rs, row) -> Optional.ofNullable(rs.getObject(1, LocalDate.class))).single();
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
