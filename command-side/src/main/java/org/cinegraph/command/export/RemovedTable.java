package org.cinegraph.command.export;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cinegraph.command.ledger.StoredInstant;
import org.cinegraph.command.tables.DerivedTable;
import org.cinegraph.command.tables.RowBatch;
import org.cinegraph.events.MovieRemovedFromTmdb;
import org.cinegraph.events.MovieRestoredOnTmdb;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code import_ledger_removed} from the removals and restorations, in their order: a movie removed is a row, one
 * restored is none, as {@link RemovalLedger} writes them.
 */
@Component
class RemovedTable implements DerivedTable {

    private static final int BATCH = 1_000;

    @Override
    public String name() {
        return "import_ledger_removed";
    }

    @Override
    public Set<Class<?>> sources() {
        return Set.of(MovieRemovedFromTmdb.class, MovieRestoredOnTmdb.class);
    }

    /** Lost when it is empty while more movies were removed than restored. */
    @Override
    public boolean lostRows(JdbcClient jdbc) {
        return jdbc.sql("""
                        SELECT NOT EXISTS (SELECT 1 FROM import_ledger_removed)
                               AND (SELECT count(*) FILTER (WHERE payload_type = :removed)
                                           - count(*) FILTER (WHERE payload_type = :restored)
                                      FROM domain_event_entry WHERE payload_type IN (:removed, :restored)) > 0""")
                .param("removed", MovieRemovedFromTmdb.class.getName())
                .param("restored", MovieRestoredOnTmdb.class.getName())
                .query(Boolean.class).single();
    }

    @Override
    public Load load(JdbcClient jdbc) {
        RowBatch<Integer, Removal> batch = new RowBatch<>(BATCH, changes -> write(jdbc, changes));
        return new Load() {

            @Override
            public void apply(StoredEvent event) {
                if (event.payload() instanceof MovieRemovedFromTmdb removed) {
                    batch.add(removed.tmdbId(), new Removal(removed.exportDate(), event.timestamp()));
                } else {
                    batch.add(((MovieRestoredOnTmdb) event.payload()).tmdbId(), null);
                }
            }

            @Override
            public void finish() {
                batch.flush();
            }
        };
    }

    /** Each movie's change: its row, or none when it was restored (null). */
    private static void write(JdbcClient jdbc, Map<Integer, Removal> changes) {
        jdbc.sql("DELETE FROM import_ledger_removed WHERE tmdb_id = ANY (CAST(:ids AS int[]))")
                .param("ids", changes.keySet().toArray(Integer[]::new)).update();
        List<Integer> ids = new ArrayList<>();
        List<String> dates = new ArrayList<>();
        List<Instant> at = new ArrayList<>();
        changes.forEach((id, removal) -> {
            if (removal != null) {
                ids.add(id);
                dates.add(removal.exportDate().toString());
                at.add(removal.at());
            }
        });
        if (!ids.isEmpty()) {
            jdbc.sql("""
                            INSERT INTO import_ledger_removed (tmdb_id, export_date, removed_at)
                            SELECT * FROM unnest(CAST(:ids AS int[]), CAST(:dates AS date[]),
                                                 CAST(:at AS timestamptz[]))""")
                    .param("ids", ids.toArray(Integer[]::new))
                    .param("dates", dates.toArray(String[]::new))
                    .param("at", StoredInstant.texts(at))
                    .update();
        }
    }

    private record Removal(LocalDate exportDate, Instant at) {
    }
}
