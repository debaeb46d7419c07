package org.cinegraph.query.state;

import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.cinegraph.events.ChangeSyncCompleted;
import org.cinegraph.events.ChangeSyncFailed;
import org.cinegraph.events.ExportRead;
import org.cinegraph.events.ExportSweepCompleted;
import org.cinegraph.events.ExportSweepFailed;
import org.cinegraph.events.ExportSweepProgressed;
import org.cinegraph.events.ExportSweepStarted;
import org.cinegraph.events.FullSyncCompleted;
import org.cinegraph.events.ImportTrigger;
import org.cinegraph.events.ImportTriggered;
import org.cinegraph.events.MovieRemovedFromTmdb;
import org.cinegraph.events.MovieRestoredOnTmdb;
import org.cinegraph.events.PageDiscovered;
import org.cinegraph.events.TmdbTotalUpdated;
import org.cinegraph.events.YearImportCompleted;
import org.cinegraph.events.YearImportFailed;
import org.cinegraph.events.YearImportStarted;
import org.cinegraph.query.writes.CountChanges;
import org.cinegraph.query.writes.JdbcProjection;
import org.cinegraph.query.writes.ProjectionTables;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The old system's {@code import_state} keys, derived from events, and those of the sweeps of TMDb's export. Keys are
 * set by events of different aggregates, which may arrive in another order than the store's (an event committed
 * late); a value only moves forward in the event stream's global order, by each event's own global index
 * ({@link EventPositions}), so a replay records exactly what the first pass did. The movies recorded as removed
 * from TMDb, whatever their outcome, are counted in {@code import_state_counts}, through each movie's last removal
 * or restoration in {@code import_state_removal}: an event given again changes nothing.
 */
@Component
@ProcessingGroup(ImportStateProjection.NAME)
@ProjectionTables(value = {"import_state", "import_state_counts", "import_state_removal"},
        neverEmptyAfter = {YearImportStarted.class, TmdbTotalUpdated.class})
class ImportStateProjection extends JdbcProjection {

    static final String NAME = "import-state";
    /** The count of {@code import_state_counts} of the movies recorded as removed from TMDb and not restored. */
    static final String REMOVED_FROM_TMDB = "removed_from_tmdb";
    /** The source of a {@link TmdbTotalUpdated} read from TMDb's export, which discover's never replaces. */
    static final String EXPORT_TOTAL = "export";
    private static final CountChanges.Table<String> COUNTS = new CountChanges.Table<>("import_state_counts",
            "counter", String.class);

    private final EventPositions positions;

    ImportStateProjection(JdbcClient jdbc, EventPositions positions) {
        super(jdbc);
        this.positions = positions;
    }

    @EventHandler
    void on(YearImportStarted event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        set(ImportStateKey.CURRENT_IMPORT_YEAR, Integer.toString(event.year()), positions.of(eventId), at);
    }

    @EventHandler
    void on(PageDiscovered event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        set(ImportStateKey.LAST_PAGE_PROCESSED, Integer.toString(event.page()), positions.of(eventId), at);
    }

    /**
     * TMDb's total from its export is the count of the ids it lists, exactly; discover's is an estimate, kept only
     * until an export's is recorded. So an export's total replaces a total from discover whatever their order in the
     * stream, and one from discover never replaces an export's: the total is the latest export's, or while there is
     * none the latest from discover, however late an event is applied.
     */
    @EventHandler
    void on(TmdbTotalUpdated event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        jdbc.sql("""
                        INSERT INTO import_state (key, value, position, updated_at)
                        VALUES (:totalKey, :total, :position, :at), (:sourceKey, :source, :position, :at)
                        ON CONFLICT (key) DO UPDATE
                           SET value = EXCLUDED.value, position = EXCLUDED.position, updated_at = EXCLUDED.updated_at
                         WHERE CASE WHEN (SELECT value FROM import_state WHERE key = :sourceKey) = :exportSource
                                    THEN :export AND import_state.position < EXCLUDED.position
                                    ELSE :export OR import_state.position < EXCLUDED.position END""")
                .param("totalKey", ImportStateKey.TMDB_TOTAL_MOVIES.key())
                .param("total", Long.toString(event.total()))
                .param("sourceKey", ImportStateKey.TMDB_TOTAL_SOURCE.key())
                .param("source", event.source())
                .param("exportSource", EXPORT_TOTAL)
                .param("export", EXPORT_TOTAL.equals(event.source()))
                .param("position", positions.of(eventId))
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .update();
    }

    @EventHandler
    void on(YearImportCompleted event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        long position = positions.of(eventId);
        set(ImportStateKey.LAST_COMPLETED_YEAR, Integer.toString(event.year()), position, at);
        clearCurrentYear(event.year(), position, at);
    }

    @EventHandler
    void on(YearImportFailed event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        clearCurrentYear(event.year(), positions.of(eventId), at);
    }

    @EventHandler
    void on(FullSyncCompleted event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        set(ImportStateKey.LAST_FULL_SYNC, at.toString(), positions.of(eventId), at);
    }

    @EventHandler
    void on(ImportTriggered event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        if (event.trigger() == ImportTrigger.SCHEDULE || event.trigger() == ImportTrigger.NEXT) {
            set(ImportStateKey.LAST_DAILY_RUN, at.toString(), positions.of(eventId), at);
        }
    }

    @EventHandler
    void on(ChangeSyncCompleted event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        long position = positions.of(eventId);
        set(ImportStateKey.LAST_UPDATE_CHECK, at.toString(), position, at);
        set(ImportStateKey.CHANGE_SYNC_FAILURE, null, position, at);
        set(ImportStateKey.CHANGE_SYNC_CREDENTIALS_REJECTED, null, position, at);
    }

    @EventHandler
    void on(ChangeSyncFailed event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        long position = positions.of(eventId);
        set(ImportStateKey.CHANGE_SYNC_FAILURE, event.reason(), position, at);
        set(ImportStateKey.CHANGE_SYNC_CREDENTIALS_REJECTED, event.credentialsRejected() ? "true" : null, position, at);
    }

    @EventHandler
    void on(ExportSweepStarted event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        set(new Values()
                .with(ImportStateKey.EXPORT_SWEEP_STATUS, "reading")
                .with(ImportStateKey.EXPORT_SWEEP_DATE, event.exportDate())
                .with(ImportStateKey.EXPORT_SWEEP_STARTED_AT, at)
                .with(ImportStateKey.EXPORT_SWEEP_COUNTED, null)
                .with(ImportStateKey.EXPORT_SWEEP_DONE, 0)
                .with(ImportStateKey.EXPORT_SWEEP_NEW, 0)
                .with(ImportStateKey.EXPORT_SWEEP_REASON, null), positions.of(eventId), at);
    }

    @EventHandler
    void on(ExportRead event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        set(new Values()
                .with(ImportStateKey.EXPORT_SWEEP_STATUS, "sweeping")
                .with(ImportStateKey.EXPORT_SWEEP_DATE, event.exportDate())
                .with(ImportStateKey.EXPORT_SWEEP_COUNTED, event.counted()), positions.of(eventId), at);
    }

    @EventHandler
    void on(ExportSweepProgressed event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        set(new Values()
                .with(ImportStateKey.EXPORT_SWEEP_DONE, event.done())
                .with(ImportStateKey.EXPORT_SWEEP_NEW, event.newMovies()), positions.of(eventId), at);
    }

    /** The sweep ended well: it is the last completed one, and the failure of one before is over. */
    @EventHandler
    void on(ExportSweepCompleted event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        set(new Values()
                .with(ImportStateKey.EXPORT_SWEEP_STATUS, "completed")
                .with(ImportStateKey.EXPORT_SWEEP_DATE, event.exportDate())
                .with(ImportStateKey.EXPORT_SWEEP_COUNTED, event.counted())
                .with(ImportStateKey.EXPORT_SWEEP_DONE, event.counted())
                .with(ImportStateKey.EXPORT_SWEEP_NEW, event.newMovies())
                .with(ImportStateKey.EXPORT_SWEEP_REASON, null)
                .with(ImportStateKey.EXPORT_SWEEP_FAILURE, null)
                .with(ImportStateKey.LAST_EXPORT_SWEEP_DATE, event.exportDate())
                .with(ImportStateKey.LAST_EXPORT_SWEEP_COMPLETED_AT, at)
                .with(ImportStateKey.LAST_EXPORT_SWEEP_COUNTED, event.counted())
                .with(ImportStateKey.LAST_EXPORT_SWEEP_NEW, event.newMovies())
                .with(ImportStateKey.LAST_EXPORT_SWEEP_REMOVED, event.removed())
                .with(ImportStateKey.LAST_EXPORT_SWEEP_RESTORED, event.restored())
                .with(ImportStateKey.LAST_EXPORT_SWEEP_REMOVALS_WITHHELD, event.removalsWithheld())
                .with(ImportStateKey.LAST_EXPORT_SWEEP_REMOVAL_LIMIT, event.removalLimit()), positions.of(eventId), at);
    }

    /**
     * The sweep stopped before the end of its export. One that found no export never started: what an earlier sweep
     * had read and done is not this one's.
     */
    @EventHandler
    void on(ExportSweepFailed event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        Values sweep = new Values()
                .with(ImportStateKey.EXPORT_SWEEP_STATUS, "failed")
                .with(ImportStateKey.EXPORT_SWEEP_DATE, event.exportDate())
                .with(ImportStateKey.EXPORT_SWEEP_REASON, event.reason())
                .with(ImportStateKey.EXPORT_SWEEP_FAILURE, event.reason());
        if (event.exportDate() == null) {
            sweep.with(ImportStateKey.EXPORT_SWEEP_STARTED_AT, null)
                    .with(ImportStateKey.EXPORT_SWEEP_COUNTED, null)
                    .with(ImportStateKey.EXPORT_SWEEP_DONE, null)
                    .with(ImportStateKey.EXPORT_SWEEP_NEW, null);
        }
        set(sweep, positions.of(eventId), at);
    }

    /**
     * A removal is only ever recorded for a movie with an outcome, once until it is restored: it is counted, unless
     * the movie's row already says removed, or a later event of the movie is recorded (the event given again).
     */
    @EventHandler
    void on(MovieRemovedFromTmdb event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        record(event.tmdbId(), OffsetDateTime.ofInstant(at, ZoneOffset.UTC), positions.of(eventId));
    }

    @EventHandler
    void on(MovieRestoredOnTmdb event, @MessageIdentifier String eventId) {
        record(event.tmdbId(), null, positions.of(eventId));
    }

    /**
     * Records the movie's removal ({@code removedAt} set) or restoration as its last event, unless a later one is
     * recorded, and changes the count by what the row changed: one more removed movie, one less, or none. A
     * restoration that finds no row is of a removal counted before the projection recorded removals (V32): every
     * restoration follows its removal in the stream, so a replay never finds one so.
     */
    private void record(int tmdbId, OffsetDateTime removedAt, long position) {
        int change = jdbc.sql("""
                        WITH before AS (
                            SELECT removed_at IS NOT NULL AS removed FROM import_state_removal WHERE tmdb_id = :tmdbId),
                        recorded AS (
                            INSERT INTO import_state_removal (tmdb_id, removed_at, position)
                            VALUES (:tmdbId, :removedAt, :position)
                            ON CONFLICT (tmdb_id) DO UPDATE
                               SET removed_at = EXCLUDED.removed_at, position = EXCLUDED.position
                             WHERE import_state_removal.position < EXCLUDED.position
                            RETURNING removed_at IS NOT NULL AS removed)
                        SELECT COALESCE((SELECT CAST(removed AS int) FROM recorded)
                                        - COALESCE((SELECT CAST(removed AS int) FROM before),
                                                   CAST(NOT :removed AS int)), 0)""")
                .param("tmdbId", tmdbId)
                .param("removedAt", new SqlParameterValue(Types.TIMESTAMP_WITH_TIMEZONE, removedAt))
                .param("removed", removedAt != null)
                .param("position", position)
                .query(Integer.class).single();
        CountChanges.ofCurrentBatch(jdbc, COUNTS).add(REMOVED_FROM_TMDB, change);
    }

    /** The current import year is unset when that year's import ends, unless another one began since. */
    private void clearCurrentYear(int year, long position, Instant at) {
        jdbc.sql("""
                        UPDATE import_state SET value = NULL, position = :position, updated_at = :at
                         WHERE key = :key AND value = :year AND position < :position""")
                .param("key", ImportStateKey.CURRENT_IMPORT_YEAR.key())
                .param("year", Integer.toString(year))
                .param("position", position)
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .update();
    }

    private void set(ImportStateKey key, String value, long position, Instant at) {
        set(new Values().with(key, value), position, at);
    }

    /** Sets the keys (a null value unsets one) in one statement, each unless a later event set it. */
    private void set(Values values, long position, Instant at) {
        List<String> keys = new ArrayList<>(values.size());
        values.keySet().forEach(key -> keys.add(key.key()));
        jdbc.sql("""
                        INSERT INTO import_state (key, value, position, updated_at)
                        SELECT key, value, :position, :at
                          FROM unnest(CAST(:keys AS text[]), CAST(:values AS text[])) AS changed (key, value)
                         ORDER BY key
                        ON CONFLICT (key) DO UPDATE
                           SET value = EXCLUDED.value, position = EXCLUDED.position, updated_at = EXCLUDED.updated_at
                         WHERE import_state.position < EXCLUDED.position
                        """)
                .param("keys", keys.toArray(String[]::new))
                .param("values", values.values().toArray(String[]::new))
                .param("position", position)
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .update();
    }

    /** Values of keys, each written as its text: a number, a day, an instant in ISO-8601. */
    private static final class Values extends EnumMap<ImportStateKey, String> {

        Values() {
            super(ImportStateKey.class);
        }

        Values with(ImportStateKey key, Object value) {
            put(key, value == null ? null : value.toString());
            return this;
        }
    }
}
