package org.cinegraph.command.catalogue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.cinegraph.command.tables.DerivedTable;
import org.cinegraph.command.tmdb.ContentHash;
import org.cinegraph.events.MovieImportFailed;
import org.cinegraph.events.MovieImportOutcome;
import org.cinegraph.events.MovieImported;
import org.cinegraph.events.MovieSkipped;
import org.cinegraph.events.MovieUpdated;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code import_ledger_outcome} made again from the events its ledger appended with its rows: each outcome written as
 * {@link OutcomeLedger} wrote it, with the statement it writes with, at the event's timestamp; each
 * {@link MovieUpdated} replacing its imported movie's content hash, as the delta sync did. Written a thousand events
 * at a time, whatever the store holds: only the movies of the events not yet written are held.
 */
@Component
class OutcomeTable implements DerivedTable {

    /** Events written per statement. */
    static final int BATCH = 1000;

    @Override
    public String name() {
        return "import_ledger_outcome";
    }

    @Override
    public Set<Class<?>> sources() {
        return Set.of(MovieImported.class, MovieSkipped.class, MovieImportFailed.class, MovieUpdated.class);
    }

    @Override
    public Load load(JdbcClient jdbc) {
        return new OutcomeLoad(jdbc);
    }

    /**
     * The events not yet written, each of another movie: a statement writes each movie's row once, so a movie's
     * second event waits for the first to be written, and a later outcome meets the row an earlier one left.
     */
    private static final class OutcomeLoad implements Load {

        private final JdbcClient jdbc;
        private final Set<Integer> movies = new HashSet<>();
        private final List<OutcomeRow> outcomes = new ArrayList<>();
        /** The content hashes the delta sync recorded, of its new records (the records themselves are not held). */
        private final List<UpdatedHash> updates = new ArrayList<>();

        OutcomeLoad(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        @Override
        public void apply(StoredEvent event) {
            if (event.payload() instanceof MovieImportOutcome outcome) {
                pending(outcome.tmdbId());
                outcomes.add(OutcomeRow.of(outcome, event.timestamp()));
            } else if (event.payload() instanceof MovieUpdated update) {
                pending(update.tmdbId());
                updates.add(new UpdatedHash(update.tmdbId(), ContentHash.of(update.tmdbData())));
            }
            if (movies.size() == BATCH) {
                flush();
            }
        }

        @Override
        public void finish() {
            flush();
        }

        private void pending(int tmdbId) {
            if (!movies.add(tmdbId)) {
                flush();
                movies.add(tmdbId);
            }
        }

        private void flush() {
            if (!outcomes.isEmpty()) {
                OutcomeLedger.write(jdbc, outcomes);
            }
            if (!updates.isEmpty()) {
                jdbc.sql("""
                                UPDATE import_ledger_outcome o SET content_hash = u.content_hash
                                  FROM unnest(CAST(:ids AS int[]), CAST(:hashes AS bytea[]))
                                       AS u (tmdb_id, content_hash)
                                 WHERE o.tmdb_id = u.tmdb_id AND o.outcome = 'imported'""")
                        .param("ids", updates.stream().map(UpdatedHash::tmdbId).toArray(Integer[]::new))
                        .param("hashes", updates.stream().map(UpdatedHash::hash).toArray(byte[][]::new))
                        .update();
            }
            movies.clear();
            outcomes.clear();
            updates.clear();
        }
    }

    private record UpdatedHash(int tmdbId, byte[] hash) {
    }
}
