package org.cinegraph.query.state;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.cinegraph.events.ChangeSyncCompleted;
import org.cinegraph.events.ChangeSyncFailed;
import org.cinegraph.events.FullSyncCompleted;
import org.cinegraph.events.ImportTrigger;
import org.cinegraph.events.ImportTriggered;
import org.cinegraph.events.PageDiscovered;
import org.cinegraph.events.TmdbTotalUpdated;
import org.cinegraph.events.YearImportCompleted;
import org.cinegraph.events.YearImportFailed;
import org.cinegraph.events.YearImportStarted;
import org.cinegraph.query.writes.JdbcProjection;
import org.cinegraph.query.writes.ProjectionTables;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The old system's {@code import_state} keys, derived from events. Keys are set by events of different
 * aggregates, which may arrive in another order than the store's (an event committed late); a value only moves
 * forward in the event stream's global order, by each event's own global index ({@link EventPositions}), so a
 * replay records exactly what the first pass did.
 */
@Component
@ProcessingGroup(ImportStateProjection.NAME)
@ProjectionTables(value = "import_state", neverEmptyAfter = {YearImportStarted.class, TmdbTotalUpdated.class})
class ImportStateProjection extends JdbcProjection {

    static final String NAME = "import-state";

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

    @EventHandler
    void on(TmdbTotalUpdated event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        set(ImportStateKey.TMDB_TOTAL_MOVIES, Long.toString(event.total()), positions.of(eventId), at);
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
        jdbc.sql("""
                        INSERT INTO import_state (key, value, position, updated_at)
                        VALUES (:key, :value, :position, :at)
                        ON CONFLICT (key) DO UPDATE
                           SET value = EXCLUDED.value, position = EXCLUDED.position, updated_at = EXCLUDED.updated_at
                         WHERE import_state.position < EXCLUDED.position
                        """)
                .param("key", key.key())
                .param("value", value)
                .param("position", position)
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .update();
    }
}
