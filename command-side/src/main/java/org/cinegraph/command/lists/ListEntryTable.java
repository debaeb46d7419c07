package org.cinegraph.command.lists;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cinegraph.command.tables.DerivedTable;
import org.cinegraph.command.tables.RowBatch;
import org.cinegraph.events.CanonicalListImported;
import org.cinegraph.events.ListEntryFound;
import org.cinegraph.events.ListEntryNotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code list_entry} made again from the lists' events, as {@link ListLedger} wrote it: each upload of a list
 * written as it was (its members at their positions, those it no longer holds forgotten), and a find, or a lookup
 * in vain, changing a member only while it is open, one attempt more.
 *
 * <p>An upload is written by the statements the ledger writes it with; the lookups between uploads a thousand
 * members at a time ({@link RowBatch}).
 */
@Component
class ListEntryTable implements DerivedTable {

    /** Members written per batch. */
    static final int BATCH = 1000;

    @Override
    public String name() {
        return "list_entry";
    }

    @Override
    public Set<Class<?>> sources() {
        return Set.of(CanonicalListImported.class, ListEntryFound.class, ListEntryNotFound.class);
    }

    @Override
    public Load load(JdbcClient jdbc) {
        RowBatch<Member, LookedUp> batch = new RowBatch<>(BATCH, lookups -> write(jdbc, lookups));
        return new Load() {
            @Override
            public void apply(StoredEvent event) {
                if (event.payload() instanceof CanonicalListImported list) {
                    // The upload deletes and inserts members: the lookups before it are written first.
                    batch.flush();
                    ListLedger.recorded(jdbc, list);
                } else if (event.payload() instanceof ListEntryFound found) {
                    batch.add(new Member(found.key(), found.imdbId()), new LookedUp("found", found.tmdbId()));
                } else if (event.payload() instanceof ListEntryNotFound notFound) {
                    batch.add(new Member(notFound.key(), notFound.imdbId()), new LookedUp("not_found", null));
                }
            }

            @Override
            public void finish() {
                batch.flush();
            }
        };
    }

    /** Writes the lookups of a batch, one of each member; a lookup in vain leaves the member's movie as it was. */
    private static void write(JdbcClient jdbc, Map<Member, LookedUp> batch) {
        List<Member> members = new ArrayList<>(batch.keySet());
        List<LookedUp> lookups = new ArrayList<>(batch.values());
        jdbc.sql("""
                        UPDATE list_entry e
                           SET status = l.outcome, tmdb_id = COALESCE(l.tmdb_id, e.tmdb_id), attempts = e.attempts + 1
                          FROM unnest(CAST(:keys AS text[]), CAST(:imdbIds AS text[]), CAST(:outcomes AS text[]),
                                      CAST(:tmdbIds AS int[])) AS l (list_key, imdb_id, outcome, tmdb_id)
                         WHERE e.list_key = l.list_key AND e.imdb_id = l.imdb_id AND e.""" + ListLedger.OPEN)
                .param("keys", members.stream().map(Member::key).toArray(String[]::new))
                .param("imdbIds", members.stream().map(Member::imdbId).toArray(String[]::new))
                .param("outcomes", lookups.stream().map(LookedUp::status).toArray(String[]::new))
                .param("tmdbIds", lookups.stream().map(LookedUp::tmdbId).toArray(Integer[]::new))
                .update();
    }

    /** A member of a list. */
    private record Member(String key, String imdbId) {
    }

    /** What a find, or a lookup in vain, makes of an open member's row. */
    private record LookedUp(String status, Integer tmdbId) {
    }
}
