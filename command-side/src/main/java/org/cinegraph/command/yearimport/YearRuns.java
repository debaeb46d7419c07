package org.cinegraph.command.yearimport;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.cinegraph.command.ledger.StoredInstant;
import org.cinegraph.command.node.NodeLease;
import org.cinegraph.command.node.NodeLeases;
import org.cinegraph.events.ImportTrigger;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each year's running import (V3__import_ledger.sql: {@code import_ledger_run}, {@code import_ledger_year}): which
 * run is the year's current one, which node holds it under its {@link #lease()}, and when it last progressed.
 * Every write of a year's job is fenced by its run ({@link #whileHeld}), so a node that lost the year records
 * nothing more.
 */
@Repository
class YearRuns {

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final NodeLease lease;

    YearRuns(JdbcClient jdbc, PlatformTransactionManager transactions, NodeLeases leases) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.lease = leases.on("import_ledger_run", "year");
    }

    /** This node's leases on running years: one node at a time works on a year. */
    NodeLease lease() {
        return lease;
    }

    /**
     * The year's run that started at {@code startedAt} is the running one, replacing any earlier run, and this
     * node works on it. Called in the transaction that appends the year's {@link
     * org.cinegraph.events.YearImportStarted}, with its timestamp: the run is known by it as the store keeps it.
     */
    void markRunning(int year, Instant startedAt, ImportTrigger trigger) {
        Instant at = StoredInstant.of(startedAt);
        jdbc.sql("""
                        INSERT INTO import_ledger_run (year, started_at, owner, lease_until, progressed_at)
                        VALUES (:year, :at, :owner, clock_timestamp() + make_interval(secs => :lease), :at)
                        ON CONFLICT (year) DO UPDATE
                           SET started_at = EXCLUDED.started_at, owner = EXCLUDED.owner,
                               lease_until = EXCLUDED.lease_until, progressed_at = EXCLUDED.progressed_at""")
                .param("year", year).param("at", utc(at)).param("owner", lease.owner())
                .param("lease", lease.seconds()).update();
        jdbc.sql("""
                        INSERT INTO import_ledger_year (year, status, trigger, started_at)
                        VALUES (:year, 'importing', :trigger, :at)
                        ON CONFLICT (year) DO UPDATE
                           SET status = 'importing', trigger = EXCLUDED.trigger, started_at = EXCLUDED.started_at,
                               ended_at = NULL""")
                .param("year", year).param("trigger", column(trigger)).param("at", utc(at)).update();
        // The range holding this year is no longer complete; its next completion is a new full sync.
        jdbc.sql("DELETE FROM import_ledger_full_sync WHERE :year BETWEEN last_year AND first_year")
                .param("year", year).update();
    }

    /**
     * The year's import ended ({@code completed} or {@code failed}), in the transaction that appends the event
     * that ended it, at its timestamp: its run is over.
     */
    void markEnded(int year, String status, Instant at) {
        jdbc.sql("UPDATE import_ledger_year SET status = :status, ended_at = :at WHERE year = :year")
                .param("year", year).param("status", status).param("at", utc(StoredInstant.of(at))).update();
        jdbc.sql("DELETE FROM import_ledger_run WHERE year = :year").param("year", year).update();
    }

    /** Removes the year's run that started at {@code runStartedAt}, found running although the year ended. */
    void forgetRun(int year, Instant runStartedAt) {
        jdbc.sql("DELETE FROM import_ledger_run WHERE year = :year AND started_at = :run")
                .param("year", year).param("run", utc(runStartedAt)).update();
    }

    Optional<Instant> runStartedAt(int year) {
        return jdbc.sql("SELECT started_at FROM import_ledger_run WHERE year = :year").param("year", year)
                .query(Timestamp.class).optional().map(Timestamp::toInstant);
    }

    /**
     * Whether the year's running import recorded nothing for {@code stallAfter}: stuck, whether or not a node
     * holds it.
     */
    boolean stalled(int year, Duration stallAfter) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM import_ledger_run WHERE year = :year
                                          AND COALESCE(progressed_at, started_at)
                                              < clock_timestamp() - make_interval(secs => :stall))""")
                .param("year", year).param("stall", stallAfter.toMillis() / 1000.0).query(Boolean.class).single();
    }

    /**
     * Runs a write of a year's job in a transaction of its own, fenced by its run: the run that started at
     * {@code runStartedAt} must still be the year's running one, claimed by {@code owner}. The run's row stays
     * locked until the write commits, so no other node can take the claim in between; and the run's progress is
     * noted once the write is done, so it is never earlier than the events the write appended (a rebuilt run's
     * progress is its latest event's timestamp).
     *
     * @throws ClaimLostException when {@code owner} no longer works on this run of the year: nothing is written
     */
    <T> T whileHeld(int year, Instant runStartedAt, String owner, Supplier<T> write) {
        return transaction.execute(status -> {
            boolean held = jdbc.sql("""
                            SELECT 1 FROM import_ledger_run
                             WHERE year = :year AND started_at = :run AND owner = :owner FOR NO KEY UPDATE""")
                    .param("year", year).param("run", utc(runStartedAt)).param("owner", owner)
                    .query(Integer.class).optional().isPresent();
            if (!held) {
                throw new ClaimLostException(year);
            }
            T written = write.get();
            jdbc.sql("UPDATE import_ledger_run SET progressed_at = clock_timestamp() WHERE year = :year")
                    .param("year", year).update();
            return written;
        });
    }

    /** The trigger as {@code import_ledger_year} records it. */
    static String column(ImportTrigger trigger) {
        return trigger.name().toLowerCase(Locale.ROOT);
    }

    static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
