package org.cinegraph.command.yearimport;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.cinegraph.events.ImportTrigger;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each year's running import (V3__import_ledger.sql: {@code import_ledger_run}, {@code import_ledger_year}): which
 * run is the year's current one, which node works on it, and when it last progressed. Every write of a year's job
 * is fenced by its run ({@link #whileHeld}), so a node that lost the year records nothing more.
 */
@Repository
class YearRuns {

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    YearRuns(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * The year's run that started at {@code startedAt} is the running one, replacing any earlier run, and
     * {@code owner} works on it. Called in the transaction that appends the year's {@link
     * org.cinegraph.events.YearImportStarted}.
     */
    void markRunning(int year, Instant startedAt, ImportTrigger trigger, String owner, Duration lease) {
        jdbc.sql("""
                        INSERT INTO import_ledger_run (year, started_at, owner, lease_until, progressed_at)
                        VALUES (:year, :at, :owner, clock_timestamp() + make_interval(secs => :lease), :at)
                        ON CONFLICT (year) DO UPDATE
                           SET started_at = EXCLUDED.started_at, owner = EXCLUDED.owner,
                               lease_until = EXCLUDED.lease_until, progressed_at = EXCLUDED.progressed_at""")
                .param("year", year).param("at", utc(startedAt)).param("owner", owner)
                .param("lease", interval(lease)).update();
        jdbc.sql("""
                        INSERT INTO import_ledger_year (year, status, trigger, started_at)
                        VALUES (:year, 'importing', :trigger, :at)
                        ON CONFLICT (year) DO UPDATE
                           SET status = 'importing', trigger = EXCLUDED.trigger, started_at = EXCLUDED.started_at,
                               ended_at = NULL""")
                .param("year", year).param("trigger", trigger.name().toLowerCase(Locale.ROOT))
                .param("at", utc(startedAt)).update();
        // The range holding this year is no longer complete; its next completion is a new full sync.
        jdbc.sql("DELETE FROM import_ledger_full_sync WHERE :year BETWEEN last_year AND first_year")
                .param("year", year).update();
    }

    /**
     * The year's import ended ({@code completed} or {@code failed}), in the transaction that appends the event
     * that ended it: its run is over.
     */
    void markEnded(int year, String status, Instant at) {
        jdbc.sql("UPDATE import_ledger_year SET status = :status, ended_at = :at WHERE year = :year")
                .param("year", year).param("status", status).param("at", utc(at)).update();
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
     * Claims the year's running import for {@code owner}, unless another node's claim still holds.
     *
     * @return whether {@code owner} now holds the claim
     */
    boolean claim(int year, String owner, Duration lease) {
        return jdbc.sql("""
                        UPDATE import_ledger_run
                           SET owner = :owner, lease_until = clock_timestamp() + make_interval(secs => :lease)
                         WHERE year = :year
                           AND (owner IS NULL OR owner = :owner OR lease_until < clock_timestamp())""")
                .param("year", year).param("owner", owner).param("lease", interval(lease)).update() == 1;
    }

    /**
     * Claims every running import whose owner let its claim run out: a node that stopped or was killed, or this
     * node itself when no job of its own renews the claim any more.
     */
    List<Integer> claimAbandoned(String owner, Duration lease) {
        return jdbc.sql("""
                        UPDATE import_ledger_run
                           SET owner = :owner, lease_until = clock_timestamp() + make_interval(secs => :lease)
                         WHERE owner IS NOT NULL AND lease_until < clock_timestamp()
                        RETURNING year""")
                .param("owner", owner).param("lease", interval(lease)).query(Integer.class).list();
    }

    /** Claims every running import that no node holds: those paused, and those of nodes that stopped. */
    List<Integer> claimAllUnheld(String owner, Duration lease) {
        return jdbc.sql("""
                        UPDATE import_ledger_run
                           SET owner = :owner, lease_until = clock_timestamp() + make_interval(secs => :lease)
                         WHERE owner IS NULL OR owner = :owner OR lease_until < clock_timestamp()
                        RETURNING year""")
                .param("owner", owner).param("lease", interval(lease)).query(Integer.class).list();
    }

    /** Renews {@code owner}'s claims on {@code years}; returns the years whose claim it still held. */
    Set<Integer> renew(String owner, Set<Integer> years, Duration lease) {
        if (years.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("""
                        UPDATE import_ledger_run SET lease_until = clock_timestamp() + make_interval(secs => :lease)
                         WHERE owner = :owner AND year IN (:years)
                        RETURNING year""")
                .param("owner", owner).param("years", years).param("lease", interval(lease))
                .query(Integer.class).list());
    }

    /** {@code owner} stops working on the year: it waits, paused, for the next trigger or an admin. */
    void release(int year, String owner) {
        jdbc.sql("UPDATE import_ledger_run SET owner = NULL, lease_until = NULL WHERE year = :year AND owner = :owner")
                .param("year", year).param("owner", owner).update();
    }

    /** {@code owner} is stopping: its claims run out now, so another node takes its years over at once. */
    void handOver(String owner) {
        jdbc.sql("UPDATE import_ledger_run SET lease_until = clock_timestamp() WHERE owner = :owner")
                .param("owner", owner).update();
    }

    /** Takes the year's running import for {@code owner}, whoever held it: the holder's writes fail from now on. */
    boolean seize(int year, String owner, Duration lease) {
        return jdbc.sql("""
                        UPDATE import_ledger_run
                           SET owner = :owner, lease_until = clock_timestamp() + make_interval(secs => :lease)
                         WHERE year = :year""")
                .param("year", year).param("owner", owner).param("lease", interval(lease)).update() == 1;
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
                .param("year", year).param("stall", interval(stallAfter)).query(Boolean.class).single();
    }

    /**
     * Runs a write of a year's job in a transaction of its own, fenced by its run: the run that started at
     * {@code runStartedAt} must still be the year's running one, claimed by {@code owner}. The run's row stays
     * locked until the write commits, so no other node can take the claim in between; and the run's progress is
     * noted.
     *
     * @throws ClaimLostException when {@code owner} no longer works on this run of the year: nothing is written
     */
    <T> T whileHeld(int year, Instant runStartedAt, String owner, Supplier<T> write) {
        return transaction.execute(status -> {
            int held = jdbc.sql("""
                            UPDATE import_ledger_run SET progressed_at = clock_timestamp()
                             WHERE year = :year AND started_at = :run AND owner = :owner""")
                    .param("year", year).param("run", utc(runStartedAt)).param("owner", owner).update();
            if (held == 0) {
                throw new ClaimLostException(year);
            }
            return write.get();
        });
    }

    /** A duration in seconds, for {@code make_interval(secs => ...)}. */
    private static double interval(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
