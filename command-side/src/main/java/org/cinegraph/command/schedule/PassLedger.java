package org.cinegraph.command.schedule;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.cinegraph.events.ImportAction;
import org.cinegraph.events.ImportTrigger;
import org.cinegraph.kernel.settings.ImportRange;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the pass over the year range decides from: the status of each year (kept by the year-import runner in
 * the same transaction as the events that change it), the ticks already handled and the full syncs recorded
 * (V10__import_schedule.sql). Every decision is taken under one database-wide lock, so two nodes, or the
 * schedule and an admin, never decide at the same time.
 */
@Repository
class PassLedger implements PassLock {

    /** The key of the PostgreSQL advisory lock the pass decides under; any constant no other code uses. */
    private static final long PASS_LOCK = 0x63696e6567726170L; // "cinegrap"

    private final JdbcClient jdbc;

    PassLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Holds the pass's lock until the transaction in progress ends. */
    @Override
    public void lock() {
        jdbc.sql("SELECT pg_advisory_xact_lock(:key)").param("key", PASS_LOCK).query(Object.class).single();
    }

    /** @return false when the tick was handled before */
    boolean markTickHandled(Instant scheduledFor, Instant now) {
        return jdbc.sql("""
                        INSERT INTO import_ledger_tick (scheduled_for, handled_at) VALUES (:tick, :now)
                        ON CONFLICT DO NOTHING""")
                .param("tick", utc(scheduledFor)).param("now", utc(now)).update() == 1;
    }

    /**
     * Notes what the pass did for a tick handled in this transaction: the latest tick's is
     * {@code GET /api/schedule}'s last run.
     */
    void noteTick(Instant scheduledFor, ImportAction action, Integer year) {
        jdbc.sql("UPDATE import_ledger_tick SET action = :action, year = :year WHERE scheduled_for = :tick")
                .param("tick", utc(scheduledFor)).param("action", column(action))
                .param("year", year).update();
    }

    /** The action as {@code import_ledger_tick} holds it, lower case. */
    static String column(ImportAction action) {
        return action.name().toLowerCase(Locale.ROOT);
    }

    /** The latest tick handled, when it was handled and what it did. */
    Optional<HandledTick> lastTick() {
        return jdbc.sql("""
                        SELECT scheduled_for, handled_at, action FROM import_ledger_tick
                         ORDER BY scheduled_for DESC LIMIT 1""")
                .query((rs, row) -> new HandledTick(rs.getTimestamp("scheduled_for").toInstant(),
                        rs.getTimestamp("handled_at").toInstant(), rs.getString("action")))
                .optional();
    }

    /** When the year's running import last recorded something; empty when the year does not run. */
    Optional<Instant> progressedAt(int year) {
        return Optional.ofNullable(progress().get(year));
    }

    /** When each running year's import last recorded something (its start, before anything else). */
    Map<Integer, Instant> progress() {
        Map<Integer, Instant> progress = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT r.year, COALESCE(r.progressed_at, r.started_at) AS progressed_at FROM import_ledger_run r
                          JOIN import_ledger_year y ON y.year = r.year AND y.status = 'importing'
                         ORDER BY r.year DESC""")
                .query(rs -> {
                    progress.put(rs.getInt("year"), rs.getTimestamp("progressed_at").toInstant());
                });
        return progress;
    }

    /** The status of every year of the range that was ever started, newest first. */
    Map<Integer, String> statuses(ImportRange range) {
        Map<Integer, String> statuses = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT year, status FROM import_ledger_year
                         WHERE year BETWEEN :last AND :first ORDER BY year DESC""")
                .param("first", range.firstYear()).param("last", range.lastYear())
                .query(rs -> {
                    statuses.put(rs.getInt("year"), rs.getString("status"));
                });
        return statuses;
    }

    /** The trigger of the year's latest run, if it ever started. */
    Optional<ImportTrigger> trigger(int year) {
        return jdbc.sql("SELECT upper(trigger) FROM import_ledger_year WHERE year = :year").param("year", year)
                .query(String.class).optional().map(ImportTrigger::valueOf);
    }

    /** Whether the pass has completed a year of the range: the pass is under way, not merely configured. */
    boolean passBegun(ImportRange range) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM import_ledger_year
                                        WHERE year BETWEEN :last AND :first AND status = 'completed'
                                          AND trigger <> 'admin')""")
                .param("first", range.firstYear()).param("last", range.lastYear())
                .query(Boolean.class).single();
    }

    /** @return false when the range's completion was recorded before and no year of it started since */
    boolean markFullSync(ImportRange range, Instant now) {
        return jdbc.sql("""
                        INSERT INTO import_ledger_full_sync (first_year, last_year, completed_at)
                        VALUES (:first, :last, :now) ON CONFLICT DO NOTHING""")
                .param("first", range.firstYear()).param("last", range.lastYear()).param("now", utc(now))
                .update() == 1;
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /**
     * The tick of the daily import due at {@code scheduledFor}, handled at {@code handledAt}; {@code action} as
     * {@link ImportAction}, lower case.
     */
    record HandledTick(Instant scheduledFor, Instant handledAt, String action) {
    }
}
