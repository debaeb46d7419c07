package org.cinegraph.command.export;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.GenericMessage;
import org.cinegraph.command.ledger.GuardedEvents;
import org.cinegraph.command.ledger.StoredInstant;
import org.cinegraph.events.MovieRemovedFromTmdb;
import org.cinegraph.events.MovieRestoredOnTmdb;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The movies TMDb's export no longer lists ({@code import_ledger_removed}): a movie's removal, and its restoration,
 * is appended as its event in the transaction of the row that makes it unique, so a sweep retried or resumed never
 * records one twice.
 */
@Repository
class RemovalLedger {

    private final JdbcClient jdbc;
    private final GuardedEvents guarded;

    RemovalLedger(JdbcClient jdbc, GuardedEvents guarded) {
        this.jdbc = jdbc;
        this.guarded = guarded;
    }

    /**
     * Records the movies as removed as of the export of {@code exportDate}, in the caller's transaction.
     *
     * @return how many were not recorded as removed before
     */
    int remove(int[] tmdbIds, LocalDate exportDate, Instant at) {
        Instant now = StoredInstant.of(at);
        return guarded.appendAll(() -> events(jdbc.sql("""
                        INSERT INTO import_ledger_removed (tmdb_id, export_date, removed_at)
                        SELECT id, :date, :at FROM unnest(CAST(:ids AS int[])) AS removed (id)
                         ORDER BY id
                        ON CONFLICT (tmdb_id) DO NOTHING
                        RETURNING tmdb_id""")
                .param("ids", boxed(tmdbIds)).param("date", exportDate).param("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .query(Integer.class).list(), id -> new MovieRemovedFromTmdb(id, exportDate), now));
    }

    /** Records that the export of {@code exportDate} lists the movies again. @return how many were removed */
    int restore(int[] tmdbIds, LocalDate exportDate, Instant at) {
        Instant now = StoredInstant.of(at);
        return guarded.appendAll(() -> events(jdbc.sql("""
                        DELETE FROM import_ledger_removed WHERE tmdb_id = ANY (CAST(:ids AS int[]))
                        RETURNING tmdb_id""")
                .param("ids", boxed(tmdbIds)).query(Integer.class).list(),
                id -> new MovieRestoredOnTmdb(id, exportDate), now));
    }

    private static List<Object> events(List<Integer> ids, IntFunction<Object> event, Instant at) {
        List<Object> events = new ArrayList<>(ids.size());
        ids.stream().sorted().forEach(id -> events.add(new GenericEventMessage<>(
                new GenericMessage<>(event.apply(id)), () -> at)));
        return events;
    }

    private static Integer[] boxed(int[] ids) {
        Integer[] boxed = new Integer[ids.length];
        for (int i = 0; i < ids.length; i++) {
            boxed[i] = ids[i];
        }
        return boxed;
    }
}
