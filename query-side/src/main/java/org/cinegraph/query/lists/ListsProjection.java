package org.cinegraph.query.lists;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.cinegraph.events.CanonicalListImported;
import org.cinegraph.events.ListEntry;
import org.cinegraph.events.ListEntryFound;
import org.cinegraph.events.ListEntryNotFound;
import org.cinegraph.query.writes.JdbcProjection;
import org.cinegraph.query.writes.ProjectionTables;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Canonical lists and their members. A list uploaded again replaces its members; a member it still holds keeps
 * what its lookups found. Its processor has one segment: a list's upload and the lookups of its members after
 * it apply in order.
 */
@Component
@ProcessingGroup(ListsProjection.NAME)
@ProjectionTables(value = {"canonical_lists", "canonical_list_members"}, neverEmptyAfter = CanonicalListImported.class)
class ListsProjection extends JdbcProjection {

    static final String NAME = "lists";

    ListsProjection(JdbcClient jdbc) {
        super(jdbc);
    }

    @EventHandler
    void on(CanonicalListImported event, @Timestamp Instant at) {
        jdbc.sql("""
                        INSERT INTO canonical_lists (list_key, content_hash, imported_at) VALUES (:key, :hash, :at)
                        ON CONFLICT (list_key) DO UPDATE
                           SET content_hash = EXCLUDED.content_hash, imported_at = EXCLUDED.imported_at""")
                .param("key", event.key()).param("hash", event.contentHash())
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).update();
        List<ListEntry> entries = event.entries();
        String[] imdbIds = entries.stream().map(ListEntry::imdbId).toArray(String[]::new);
        Integer[] positions = new Integer[entries.size()];
        for (int position = 0; position < positions.length; position++) {
            positions[position] = position;
        }
        jdbc.sql("""
                        DELETE FROM canonical_list_members
                         WHERE list_key = :key AND NOT (imdb_id = ANY (CAST(:imdbIds AS text[])))""")
                .param("key", event.key()).param("imdbIds", imdbIds).update();
        jdbc.sql("""
                        INSERT INTO canonical_list_members (list_key, imdb_id, position, title, year, status, attempts)
                        SELECT :key, entry.imdb_id, entry.position, entry.title, entry.year, 'pending', 0
                          FROM unnest(CAST(:imdbIds AS text[]), CAST(:positions AS int[]), CAST(:titles AS text[]),
                                      CAST(:years AS int[])) AS entry (imdb_id, position, title, year)
                        ON CONFLICT (list_key, imdb_id) DO UPDATE
                           SET position = EXCLUDED.position, title = EXCLUDED.title, year = EXCLUDED.year""")
                .param("key", event.key()).param("imdbIds", imdbIds).param("positions", positions)
                .param("titles", entries.stream().map(ListEntry::title).toArray(String[]::new))
                .param("years", entries.stream().map(ListEntry::year).toArray(Integer[]::new))
                .update();
    }

    /**
     * A lookup changes a member only while it is open, as the command side's ledger records it (ListLedger): a find or
     * a lookup in vain given again, or after a later one, changes nothing.
     */
    @EventHandler
    void on(ListEntryFound event) {
        jdbc.sql("""
                        UPDATE canonical_list_members
                           SET status = 'found', tmdb_id = :tmdbId, reason = NULL, attempts = attempts + 1
                         WHERE list_key = :key AND imdb_id = :imdbId AND status IN ('pending', 'not_found')""")
                .param("tmdbId", event.tmdbId()).param("key", event.key()).param("imdbId", event.imdbId()).update();
    }

    @EventHandler
    void on(ListEntryNotFound event) {
        jdbc.sql("""
                        UPDATE canonical_list_members SET status = 'not_found', reason = :reason, attempts = :attempts
                         WHERE list_key = :key AND imdb_id = :imdbId AND status IN ('pending', 'not_found')
                           AND attempts < :attempts""")
                .param("reason", event.reason()).param("attempts", event.attempt()).param("key", event.key())
                .param("imdbId", event.imdbId()).update();
    }
}
