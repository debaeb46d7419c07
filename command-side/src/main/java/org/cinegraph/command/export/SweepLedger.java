package org.cinegraph.command.export;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import org.cinegraph.command.node.NodeLease;
import org.cinegraph.command.node.NodeLeases;
import org.cinegraph.events.ImportTrigger;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The sweep's own record (V26__export_sweep.sql, {@code import_ledger_export_sweep}, one row): the export it reads,
 * how far it got, and which node runs it, under a {@link NodeLease}. Each write that an event records is made in
 * that event's transaction by {@link ExportSweepRunner}, with the event's time, so {@link ExportSweepTable} rebuilds
 * the same row.
 */
@Repository
class SweepLedger {

    /** The table's one row. */
    private static final int SWEEP = 1;

    private final JdbcClient jdbc;
    private final NodeLease lease;

    SweepLedger(JdbcClient jdbc, NodeLeases leases) {
        this.jdbc = jdbc;
        this.lease = leases.on("import_ledger_export_sweep", "id");
    }

    /** What the sweep's row says: the sweep running, or the last one ended. */
    record Sweep(LocalDate exportDate, String status, boolean confirmRemovals, boolean readWhole, int throughId,
                 long done, long newMovies, long removalsWithheld, Instant startedAt) {

        boolean running() {
            return "running".equals(status);
        }
    }

    /** @return whether this node now runs the sweep: no node held it, or its node let its lease run out */
    boolean claim() {
        return lease.claimIfFree(SWEEP);
    }

    /** @return false when this node no longer holds the sweep */
    boolean renew() {
        return lease.renew(SWEEP);
    }

    ScheduledFuture<?> renewEveryThird(Runnable renewal) {
        return lease.renewEveryThird(renewal);
    }

    void release() {
        lease.release(SWEEP);
    }

    /** Whether this node holds the sweep; the row stays share-locked until the caller's transaction ends. */
    boolean holds() {
        return lease.holds(SWEEP);
    }

    Sweep current() {
        return jdbc.sql("""
                        SELECT export_date, status, confirm_removals, read_whole, through_id, done, new_movies,
                               removals_withheld, started_at
                          FROM import_ledger_export_sweep WHERE id = 1""")
                .query((rs, row) -> new Sweep(rs.getObject("export_date", LocalDate.class), rs.getString("status"),
                        rs.getBoolean("confirm_removals"), rs.getBoolean("read_whole"), rs.getInt("through_id"),
                        rs.getLong("done"), rs.getLong("new_movies"), rs.getLong("removals_withheld"),
                        Optional.ofNullable(rs.getObject("started_at", OffsetDateTime.class))
                                .map(OffsetDateTime::toInstant).orElse(null)))
                .optional().orElse(new Sweep(null, null, false, false, 0, 0, 0, 0, null));
    }

    /** A sweep of the export of {@code exportDate} begins. */
    void start(LocalDate exportDate, ImportTrigger trigger, boolean confirmRemovals, Instant at) {
        jdbc.sql("""
                        UPDATE import_ledger_export_sweep
                           SET export_date = :date, status = 'running', trigger = :trigger,
                               confirm_removals = :confirm, read_whole = FALSE, through_id = 0, done = 0,
                               new_movies = 0, started_at = :at, ended_at = NULL
                         WHERE id = 1""")
                .param("date", exportDate).param("trigger", trigger.name()).param("confirm", confirmRemovals)
                .param("at", utc(at)).update();
    }

    /** The sweep's export was read to its end. */
    void readWhole() {
        jdbc.sql("UPDATE import_ledger_export_sweep SET read_whole = TRUE WHERE id = 1").update();
    }

    /** Every counted id up to {@code throughId} has an outcome. */
    void progress(int throughId, long done, long newMovies) {
        jdbc.sql("""
                        UPDATE import_ledger_export_sweep SET through_id = :through, done = :done, new_movies = :new
                         WHERE id = 1""")
                .param("through", throughId).param("done", done).param("new", newMovies).update();
    }

    /** The sweep went through its export: every counted id done, and the removals it withheld, if any. */
    void complete(long counted, long removalsWithheld, Instant at) {
        jdbc.sql("""
                        UPDATE import_ledger_export_sweep
                           SET status = 'completed', ended_at = :at, done = :done, removals_withheld = :withheld
                         WHERE id = 1""")
                .param("at", utc(at)).param("done", counted).param("withheld", removalsWithheld).update();
    }

    /** The sweep stopped before the end of its export. */
    void fail(Instant at) {
        jdbc.sql("UPDATE import_ledger_export_sweep SET status = 'failed', ended_at = :at WHERE id = 1")
                .param("at", utc(at)).update();
    }

    private static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
