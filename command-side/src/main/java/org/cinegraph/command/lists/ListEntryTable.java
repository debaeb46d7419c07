package org.cinegraph.command.lists;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cinegraph.command.tables.DerivedTable;
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
 * <p>An upload is written by the statements the ledger writes it with. The lookups between uploads are written a
 * thousand members at a time: those of different members in any order, since each changes its own row; a second
 * lookup of a member already in the batch, or an upload, waits for the batch to be written.
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
        Map<Member, LookedUp> batch = new LinkedHashMap<>();
        return new Load() {
            @Override
            public void apply(StoredEvent event) {
                if (event.payload() instanceof CanonicalListImported list) {
                    finish();
                    ListLedger.recorded(jdbc, list);
                    return;
                }
                Member member;
                LookedUp lookedUp;
                if (event.payload() instanceof ListEntryFound found) {
                    member = new Member(found.key(), found.imdbId());
                    lookedUp = new LookedUp("found", found.tmdbId());
                } else {
                    ListEntryNotFound notFound = (ListEntryNotFound) event.payload();
                    member = new Member(notFound.key(), notFound.imdbId());
                    lookedUp = new LookedUp("not_found", null);
                }
                if (batch.containsKey(member)) {
                    finish();
                }
                batch.put(member, lookedUp);
                if (batch.size() >= BATCH) {
                    finish();
                }
            }

            @Override
            public void finish() {
                if (!batch.isEmpty()) {
                    write(jdbc, batch);
                    batch.clear();
                }
            }
        };
    }

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
