package org.cinegraph.command.catalogue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.GenericMessage;
import org.cinegraph.command.ledger.GuardedEvents;
import org.cinegraph.command.ledger.StoredInstant;
import org.cinegraph.events.ImportSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The outcome of every movie the importer fetched, whichever source found it ({@code import_ledger_outcome},
 * V3__import_ledger.sql). Each outcome is appended as its event in the transaction of the row that makes it unique:
 * a movie imported or skipped is recorded once, whatever is retried or read twice; a failure may be replaced, and
 * its attempts are counted.
 */
@Repository
public class OutcomeLedger {

    private final JdbcClient jdbc;
    private final GuardedEvents guarded;
    private final Clock clock;
    private final RecordedOutcomeMeters meters;

    OutcomeLedger(JdbcClient jdbc, GuardedEvents guarded, Clock clock, RecordedOutcomeMeters meters) {
        this.jdbc = jdbc;
        this.guarded = guarded;
        this.clock = clock;
        this.meters = meters;
    }

    /**
     * Records the outcomes, appending each one's event unless the movie already has a final outcome (imported or
     * skipped), in the caller's transaction when there is one (a year's run fences its writes so), else in one of
     * its own.
     *
     * @return how many outcomes were new
     */
    public int record(List<MovieOutcome> outcomes) {
        return guarded.appendAll(() -> {
            List<MovieOutcome> recorded = new ArrayList<>();
            List<Object> written = written(outcomes, StoredInstant.of(clock.instant()), recorded);
            meters.recorded(recorded);
            return written;
        });
    }

    /** Records one outcome as {@link #record(List)} does. @return whether it was new */
    boolean record(MovieOutcome outcome) {
        return record(List.of(outcome)) == 1;
    }

    /**
     * One statement writes the ledger rows of the outcomes; the events of those written come back in the order of
     * the outcomes, to be appended in one batch. Each event bears the time its row records, so the row rebuilt from
     * the event is the same. A movie listed twice is recorded as if its outcomes came one after the other.
     *
     * @param recorded gets the outcomes whose rows were written
     */
    private List<Object> written(List<MovieOutcome> outcomes, Instant now, List<MovieOutcome> recorded) {
        Map<Integer, MovieOutcome> first = new LinkedHashMap<>();
        List<MovieOutcome> later = new ArrayList<>();
        for (MovieOutcome outcome : outcomes) {
            if (first.putIfAbsent(outcome.tmdbId(), outcome) != null) {
                later.add(outcome);
            }
        }
        if (first.isEmpty()) {
            return List.of();
        }
        List<MovieOutcome> rows = List.copyOf(first.values());
        Map<Integer, Integer> attempts = write(jdbc, rows.stream().map(outcome -> OutcomeRow.of(outcome, now))
                .toList());
        List<Object> written = new ArrayList<>(attempts.size());
        for (MovieOutcome outcome : rows) {
            Integer attempt = attempts.get(outcome.tmdbId());
            if (attempt != null) {
                recorded.add(outcome);
                written.add(new GenericEventMessage<>(new GenericMessage<>(outcome.event().apply(attempt)),
                        () -> now));
            }
        }
        written.addAll(written(later, now, recorded));
        return written;
    }

    /**
     * Writes the rows, each of another movie, as the outcomes they record: a movie's first outcome is its row, a
     * later one replaces a failure (counting one attempt more, keeping what the failure knew and it does not) and
     * leaves an import or a skip as it was. The ledger records with it; a rebuild writes the events' rows with it.
     *
     * @return the attempts of each movie whose row was written
     */
    static Map<Integer, Integer> write(JdbcClient jdbc, List<OutcomeRow> rows) {
        Map<Integer, Integer> attempts = new HashMap<>();
        jdbc.sql("""
                        INSERT INTO import_ledger_outcome (tmdb_id, year, outcome, attempts, recorded_at, content_hash,
                                                           source, imdb_id, title_key, release_year)
                        SELECT o.tmdb_id, o.year, o.outcome, 1, o.recorded_at, o.content_hash, o.source, o.imdb_id,
                               o.title_key, o.release_year
                          FROM unnest(CAST(:ids AS int[]), CAST(:years AS int[]), CAST(:outcomes AS text[]),
                                      CAST(:recordedAt AS timestamptz[]), CAST(:hashes AS bytea[]),
                                      CAST(:sources AS text[]), CAST(:imdbIds AS text[]), CAST(:titleKeys AS text[]),
                                      CAST(:releaseYears AS int[]))
                               AS o (tmdb_id, year, outcome, recorded_at, content_hash, source, imdb_id, title_key,
                                     release_year)
                        ON CONFLICT (tmdb_id) DO UPDATE
                           SET outcome = EXCLUDED.outcome, year = COALESCE(EXCLUDED.year, import_ledger_outcome.year),
                               attempts = import_ledger_outcome.attempts + 1,
                               recorded_at = EXCLUDED.recorded_at, content_hash = EXCLUDED.content_hash,
                               source = EXCLUDED.source,
                               imdb_id = COALESCE(EXCLUDED.imdb_id, import_ledger_outcome.imdb_id),
                               title_key = COALESCE(EXCLUDED.title_key, import_ledger_outcome.title_key),
                               release_year = COALESCE(EXCLUDED.release_year, import_ledger_outcome.release_year)
                         WHERE import_ledger_outcome.outcome = 'failed'
                        RETURNING tmdb_id, attempts""")
                .param("ids", rows.stream().map(OutcomeRow::tmdbId).toArray(Integer[]::new))
                .param("years", rows.stream().map(OutcomeRow::year).toArray(Integer[]::new))
                .param("outcomes", rows.stream().map(row -> row.kind().column()).toArray(String[]::new))
                .param("recordedAt", StoredInstant.texts(rows.stream().map(OutcomeRow::recordedAt).toList()))
                .param("hashes", rows.stream().map(OutcomeRow::contentHash).toArray(byte[][]::new))
                .param("sources", rows.stream().map(OutcomeRow::source).toArray(String[]::new))
                .param("imdbIds", rows.stream().map(OutcomeRow::imdbId).toArray(String[]::new))
                .param("titleKeys", rows.stream().map(OutcomeRow::titleKey).toArray(String[]::new))
                .param("releaseYears", rows.stream().map(OutcomeRow::releaseYear).toArray(Integer[]::new))
                .query(rs -> {
                    attempts.put(rs.getInt("tmdb_id"), rs.getInt("attempts"));
                });
        return attempts;
    }

    /** A movie with a final outcome (imported or skipped) whose IMDb id is {@code imdbId}, if any. */
    Optional<KnownMovie> knownByImdbId(String imdbId) {
        return jdbc.sql("""
                        SELECT tmdb_id, imdb_id, outcome FROM import_ledger_outcome
                         WHERE imdb_id = :imdbId AND outcome <> 'failed' ORDER BY tmdb_id LIMIT 1""")
                .param("imdbId", imdbId).query(OutcomeLedger::knownMovie).optional();
    }

    /** The imported movies whose title has the key, released from {@code fromYear} to {@code toYear}. */
    List<KnownMovie> importedByTitle(String titleKey, int fromYear, int toYear) {
        return jdbc.sql("""
                        SELECT tmdb_id, imdb_id, outcome FROM import_ledger_outcome
                         WHERE title_key = :key AND release_year BETWEEN :from AND :to AND outcome = 'imported'
                         ORDER BY tmdb_id""")
                .param("key", titleKey).param("from", fromYear).param("to", toYear)
                .query(OutcomeLedger::knownMovie).list();
    }

    /** The movie's outcome so far, if it has one: a failure too. */
    Optional<KnownMovie> outcomeOf(int tmdbId) {
        return jdbc.sql("SELECT tmdb_id, imdb_id, outcome FROM import_ledger_outcome WHERE tmdb_id = :id")
                .param("id", tmdbId).query(OutcomeLedger::knownMovie).optional();
    }

    /** The movies whose last import from {@code source} failed, with the year their import was part of. */
    List<FailedMovie> failed(ImportSource source) {
        return jdbc.sql("""
                        SELECT tmdb_id, year FROM import_ledger_outcome
                         WHERE outcome = 'failed' AND source = :source ORDER BY tmdb_id""")
                .param("source", source.value()).query(OutcomeLedger::failedMovie).list();
    }

    /** The movie, when its last import from {@code source} failed. */
    Optional<FailedMovie> failed(ImportSource source, int tmdbId) {
        return jdbc.sql("""
                        SELECT tmdb_id, year FROM import_ledger_outcome
                         WHERE tmdb_id = :tmdbId AND outcome = 'failed' AND source = :source""")
                .param("tmdbId", tmdbId).param("source", source.value()).query(OutcomeLedger::failedMovie)
                .optional();
    }

    private static KnownMovie knownMovie(ResultSet rs, int row) throws SQLException {
        return new KnownMovie(rs.getInt("tmdb_id"), rs.getString("imdb_id"),
                MovieOutcome.Kind.valueOf(rs.getString("outcome").toUpperCase(Locale.ROOT)));
    }

    private static FailedMovie failedMovie(ResultSet rs, int row) throws SQLException {
        return new FailedMovie(rs.getInt("tmdb_id"), (Integer) rs.getObject("year"));
    }

    /** A movie whose last import failed; {@code year} the year whose import it was part of, else null. */
    record FailedMovie(int tmdbId, Integer year) {
    }
}
