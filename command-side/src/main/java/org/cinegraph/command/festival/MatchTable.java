package org.cinegraph.command.festival;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cinegraph.command.tables.DerivedTable;
import org.cinegraph.command.tables.RowBatch;
import org.cinegraph.events.NominationEvent;
import org.cinegraph.events.NominationMatchFailed;
import org.cinegraph.events.NominationMatched;
import org.cinegraph.events.NominationRecorded;
import org.cinegraph.events.NominationRef;
import org.cinegraph.events.NominationWithdrawn;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code festival_match} made again from the nominations' events, as {@link MatchLedger} wrote it: a nomination
 * recorded is open, with its film's IMDb id from the Academy's data as {@link FestivalLedgerHandler} gave it; one
 * withdrawn is forgotten; a match or a failure to match changes it only while it is open, one attempt more. Written
 * a thousand nominations at a time ({@link RowBatch}).
 */
@Component
class MatchTable implements DerivedTable {

    /** Nominations written per batch. */
    static final int BATCH = 1000;

    private final AcademyFilmIds academyFilmIds;

    MatchTable(AcademyFilmIds academyFilmIds) {
        this.academyFilmIds = academyFilmIds;
    }

    @Override
    public String name() {
        return "festival_match";
    }

    @Override
    public Set<Class<?>> sources() {
        return Set.of(NominationRecorded.class, NominationMatched.class, NominationMatchFailed.class,
                NominationWithdrawn.class);
    }

    @Override
    public Load load(JdbcClient jdbc) {
        RowBatch<NominationRef, NominationEvent> batch = new RowBatch<>(BATCH, events -> write(jdbc, events));
        return new Load() {
            @Override
            public void apply(StoredEvent event) {
                NominationEvent nomination = (NominationEvent) event.payload();
                batch.add(NominationRef.of(nomination), nomination);
            }

            @Override
            public void finish() {
                batch.flush();
            }
        };
    }

    /** Writes the events of a batch, one of each nomination. */
    private void write(JdbcClient jdbc, Map<NominationRef, NominationEvent> batch) {
        List<MatchLedger.RecordedNomination> recorded = new ArrayList<>();
        List<NominationRef> withdrawn = new ArrayList<>();
        List<NominationRef> tried = new ArrayList<>();
        List<Tried> outcomes = new ArrayList<>();
        batch.forEach((ref, event) -> {
            if (event instanceof NominationRecorded nomination) {
                recorded.add(new MatchLedger.RecordedNomination(ref, academyFilmIds.imdbIdOf(nomination)));
            } else if (event instanceof NominationWithdrawn) {
                withdrawn.add(ref);
            } else if (event instanceof NominationMatched matched) {
                tried.add(ref);
                outcomes.add(new Tried("matched", matched.tmdbId(), matched.imdbId()));
            } else if (event instanceof NominationMatchFailed failed) {
                tried.add(ref);
                outcomes.add(new Tried("unmatched", null, failed.imdbId()));
            }
        });
        if (!recorded.isEmpty()) {
            MatchLedger.insertRecorded(jdbc, recorded);
        }
        if (!withdrawn.isEmpty()) {
            MatchLedger.deleteWithdrawn(jdbc, withdrawn);
        }
        if (!tried.isEmpty()) {
            // Each event names the IMDb id its row holds after it: the one the match found, else the nomination's.
            MatchLedger.keys(jdbc.sql("""
                            UPDATE festival_match m
                               SET status = t.outcome, tmdb_id = COALESCE(t.tmdb_id, m.tmdb_id), imdb_id = t.imdb_id,
                                   attempts = m.attempts + 1
                              FROM unnest(CAST(:organizations AS text[]), CAST(:years AS int[]),
                                          CAST(:categories AS text[]), CAST(:keys AS text[]),
                                          CAST(:outcomes AS text[]), CAST(:tmdbIds AS int[]), CAST(:imdbIds AS text[]))
                                   AS t (organization, year, category, key, outcome, tmdb_id, imdb_id)
                             WHERE m.organization = t.organization AND m.year = t.year AND m.category = t.category
                               AND m.nomination_key = t.key AND m.""" + MatchLedger.OPEN), tried)
                    .param("outcomes", outcomes.stream().map(Tried::status).toArray(String[]::new))
                    .param("tmdbIds", outcomes.stream().map(Tried::tmdbId).toArray(Integer[]::new))
                    .param("imdbIds", outcomes.stream().map(Tried::imdbId).toArray(String[]::new))
                    .update();
        }
    }

    /** What a match, or a failure to match, makes of an open nomination's row. */
    private record Tried(String status, Integer tmdbId, String imdbId) {
    }
}
