package org.cinegraph.command.changes;

import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import org.cinegraph.command.node.NodeLease;
import org.cinegraph.command.node.NodeLeases;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The delta sync's own record (V10__import_schedule.sql, {@code import_ledger_change_sync}, one row): how far TMDb's
 * change feed was read, and which node runs the sync, under a {@link NodeLease}.
 */
@Repository
class ChangeLedger {

    /** The table's one row. */
    private static final int SYNC = 1;

    private final JdbcClient jdbc;
    private final NodeLease lease;

    ChangeLedger(JdbcClient jdbc, NodeLeases leases) {
        this.jdbc = jdbc;
        this.lease = leases.on("import_ledger_change_sync", "id");
    }

    /** @return whether this node now runs the sync: no node held it, or its node let its lease run out */
    boolean claim() {
        return lease.claimIfFree(SYNC);
    }

    /** @return false when this node no longer holds the sync */
    boolean renew() {
        return lease.renew(SYNC);
    }

    /** Renews this node's lease on the sync with {@code renewal}, until the returned future is cancelled. */
    ScheduledFuture<?> renewEveryThird(Runnable renewal) {
        return lease.renewEveryThird(renewal);
    }

    void release() {
        lease.release(SYNC);
    }

    /**
     * Whether this node holds the sync; the row stays share-locked until the caller's transaction ends, so no
     * other node takes the sync over before its writes commit.
     */
    boolean holds() {
        return lease.holds(SYNC);
    }

    /** The day up to which the feed was read, inclusive; empty before the first sync. */
    Optional<LocalDate> checkedUntil() {
        return jdbc.sql("SELECT checked_until FROM import_ledger_change_sync WHERE id = 1")
                .query((rs, row) -> Optional.ofNullable(rs.getObject(1, LocalDate.class))).single();
    }

    /** The feed was read up to {@code day} by this node's sync, if it still holds it; never moves back. */
    void checkedUntil(LocalDate day) {
        jdbc.sql("""
                        UPDATE import_ledger_change_sync SET checked_until = :day
                         WHERE id = 1 AND owner = :owner AND (checked_until IS NULL OR checked_until <= :day)""")
                .param("owner", lease.owner()).param("day", day).update();
    }
}
