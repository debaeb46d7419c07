package org.cinegraph.command.lists;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.cinegraph.command.ledger.GuardedEvents;
import org.cinegraph.events.CanonicalListImported;
import org.cinegraph.events.ListEntry;
import org.cinegraph.events.ListEntryFound;
import org.cinegraph.events.ListEntryNotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Which members of the canonical lists are found in TMDb (V16, {@code list_entry}). That a member was found, or
 * not found, is appended as an event in the same transaction as the row that records it, and only while the
 * member is still open, so two lookups of one member (a retry beside a later import, two nodes) record one find.
 */
@Repository
class ListLedger {

    static final String OPEN = "status IN ('pending', 'not_found')";
    private static final String COLUMNS = "list_key, imdb_id, title, year, attempts";

    private final JdbcClient jdbc;
    private final GuardedEvents guarded;

    ListLedger(JdbcClient jdbc, GuardedEvents guarded) {
        this.jdbc = jdbc;
        this.guarded = guarded;
    }

    /** A list was uploaded: its new members are open, those it no longer holds are forgotten. */
    void recorded(CanonicalListImported event) {
        recorded(jdbc, event);
    }

    /**
     * Writes what an upload of a list changed: its new members open and never looked up, each member at its
     * position, and the members it no longer holds forgotten. A member it held before keeps whether it was found.
     */
    static void recorded(JdbcClient jdbc, CanonicalListImported event) {
        List<ListEntry> entries = event.entries();
        Integer[] positions = new Integer[entries.size()];
        for (int position = 0; position < positions.length; position++) {
            positions[position] = position;
        }
        String[] imdbIds = entries.stream().map(ListEntry::imdbId).toArray(String[]::new);
        jdbc.sql("DELETE FROM list_entry WHERE list_key = :key AND NOT (imdb_id = ANY (CAST(:imdbIds AS text[])))")
                .param("key", event.key()).param("imdbIds", imdbIds).update();
        jdbc.sql("""
                        INSERT INTO list_entry (list_key, imdb_id, position, title, year, status, attempts)
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

    /** The list's open members in list order, {@code onlyPending} those never looked up. */
    List<OpenEntry> open(String key, boolean onlyPending) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM list_entry WHERE list_key = :key AND "
                        + (onlyPending ? "status = 'pending'" : OPEN) + " ORDER BY position")
                .param("key", key).query(ListLedger::open).list();
    }

    /**
     * The list's members found in TMDb whose movie has no outcome yet: a stop, or refused credentials, came
     * between recording the find and importing the movie.
     */
    List<FoundEntry> foundNotImported(String key) {
        return jdbc.sql("""
                        SELECT e.imdb_id, e.title, e.tmdb_id FROM list_entry e
                         WHERE e.list_key = :key AND e.status = 'found'
                           AND NOT EXISTS (SELECT 1 FROM import_ledger_outcome o WHERE o.tmdb_id = e.tmdb_id)
                         ORDER BY e.position""")
                .param("key", key)
                .query((rs, row) -> new FoundEntry(rs.getString("imdb_id"), rs.getString("title"), rs.getInt("tmdb_id")))
                .list();
    }

    /** The keys of the lists with members never looked up, or found and not imported: a start's catch-up. */
    List<String> keysToCatchUp() {
        return jdbc.sql("""
                        SELECT DISTINCT e.list_key FROM list_entry e
                         WHERE e.status = 'pending'
                            OR (e.status = 'found'
                                AND NOT EXISTS (SELECT 1 FROM import_ledger_outcome o WHERE o.tmdb_id = e.tmdb_id))
                         ORDER BY e.list_key""")
                .query(String.class).list();
    }

    /** Every list's key. */
    List<String> keys() {
        return jdbc.sql("SELECT DISTINCT list_key FROM list_entry ORDER BY list_key").query(String.class).list();
    }

    /** How many members of the list are open. */
    int openCount(String key) {
        return jdbc.sql("SELECT count(*) FROM list_entry WHERE list_key = :key AND " + OPEN)
                .param("key", key).query(Integer.class).single();
    }

    /** The open members, of any list, that are the movie of this IMDb id. */
    List<OpenEntry> openFor(String imdbId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM list_entry WHERE imdb_id = :imdbId AND " + OPEN)
                .param("imdbId", imdbId).query(ListLedger::open).list();
    }

    /** @return whether the member was open and is found now */
    boolean found(OpenEntry entry, int tmdbId, String method) {
        return guarded.appendIfChanged(() -> jdbc.sql("UPDATE list_entry SET status = 'found', tmdb_id = :tmdbId, "
                                + "attempts = attempts + 1 WHERE list_key = :key AND imdb_id = :imdbId AND " + OPEN)
                        .param("tmdbId", tmdbId).param("key", entry.key()).param("imdbId", entry.imdbId()).update(),
                () -> new ListEntryFound(entry.key(), entry.imdbId(), tmdbId, method));
    }

    /** Records that the member could not be found this time, unless it was found meanwhile. */
    void notFound(OpenEntry entry, String reason, String message) {
        guarded.appendIfReturned(() -> jdbc.sql("UPDATE list_entry SET status = 'not_found', "
                                + "attempts = attempts + 1 WHERE list_key = :key AND imdb_id = :imdbId AND " + OPEN
                                + " RETURNING attempts")
                        .param("key", entry.key()).param("imdbId", entry.imdbId()).query(Integer.class).optional(),
                attempt -> new ListEntryNotFound(entry.key(), entry.imdbId(), entry.title(), entry.year(), reason,
                        attempt, message));
    }

    /** A member found in TMDb, as its movie is imported. */
    record FoundEntry(String imdbId, String title, int tmdbId) {
    }

    private static OpenEntry open(ResultSet rs, int row) throws SQLException {
        return new OpenEntry(rs.getString("list_key"), rs.getString("imdb_id"), rs.getString("title"),
                rs.getObject("year", Integer.class), rs.getInt("attempts"));
    }
}
