package org.cinegraph.command.yearimport;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.cinegraph.command.tmdb.DiscoverPage;
import org.cinegraph.command.tmdb.TitleKey;
import org.cinegraph.events.DateWindow;
import org.cinegraph.events.ImportTrigger;
import org.cinegraph.events.ListedMovie;
import org.cinegraph.events.PageDiscovered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records what a year import read and decided, each fact as an event appended in the same transaction as
 * the ledger row that makes it unique (V3__import_ledger.sql). Whatever is retried, resumed or read twice,
 * an event is appended once.
 */
@Repository
class ImportLedger {

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final EventGateway events;
    private final Clock clock;

    ImportLedger(JdbcClient jdbc, PlatformTransactionManager transactions, EventGateway events, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.events = events;
        this.clock = clock;
    }

    /**
     * The year's run that started at {@code startedAt} is the running one, replacing any earlier run, and
     * {@code owner} works on it. Called in the transaction that appends the year's {@link
     * org.cinegraph.events.YearImportStarted}.
     */
    void markRunning(int year, Instant startedAt, ImportTrigger trigger, String owner, Duration lease) {
        jdbc.sql("""
                        INSERT INTO import_ledger_run (year, started_at, owner, lease_until, progressed_at)
                        VALUES (:year, :at, :owner, clock_timestamp() + make_interval(secs => :lease), :at)
                        ON CONFLICT (year) DO UPDATE
                           SET started_at = EXCLUDED.started_at, owner = EXCLUDED.owner,
                               lease_until = EXCLUDED.lease_until, progressed_at = EXCLUDED.progressed_at""")
                .param("year", year).param("at", utc(startedAt)).param("owner", owner)
                .param("lease", interval(lease)).update();
        jdbc.sql("""
                        INSERT INTO import_ledger_year (year, status, trigger, started_at)
                        VALUES (:year, 'importing', :trigger, :at)
                        ON CONFLICT (year) DO UPDATE
                           SET status = 'importing', trigger = EXCLUDED.trigger, started_at = EXCLUDED.started_at,
                               ended_at = NULL""")
                .param("year", year).param("trigger", trigger.name().toLowerCase(Locale.ROOT))
                .param("at", utc(startedAt)).update();
        // The range holding this year is no longer complete; its next completion is a new full sync.
        jdbc.sql("DELETE FROM import_ledger_full_sync WHERE :year BETWEEN last_year AND first_year")
                .param("year", year).update();
    }

    /**
     * The year's import ended ({@code completed} or {@code failed}), in the transaction that appends the event
     * that ended it: its run is over.
     */
    void markEnded(int year, String status, Instant at) {
        jdbc.sql("UPDATE import_ledger_year SET status = :status, ended_at = :at WHERE year = :year")
                .param("year", year).param("status", status).param("at", utc(at)).update();
        jdbc.sql("DELETE FROM import_ledger_run WHERE year = :year").param("year", year).update();
    }

    /** Removes the year's run that started at {@code runStartedAt}, found running although the year ended. */
    void forgetRun(int year, Instant runStartedAt) {
        jdbc.sql("DELETE FROM import_ledger_run WHERE year = :year AND started_at = :run")
                .param("year", year).param("run", utc(runStartedAt)).update();
    }

    Optional<Instant> runStartedAt(int year) {
        return jdbc.sql("SELECT started_at FROM import_ledger_run WHERE year = :year").param("year", year)
                .query(Timestamp.class).optional().map(Timestamp::toInstant);
    }

    /**
     * Claims the year's running import for {@code owner}, unless another node's claim still holds.
     *
     * @return whether {@code owner} now holds the claim
     */
    boolean claim(int year, String owner, Duration lease) {
        return jdbc.sql("""
                        UPDATE import_ledger_run
                           SET owner = :owner, lease_until = clock_timestamp() + make_interval(secs => :lease)
                         WHERE year = :year
                           AND (owner IS NULL OR owner = :owner OR lease_until < clock_timestamp())""")
                .param("year", year).param("owner", owner).param("lease", interval(lease)).update() == 1;
    }

    /**
     * Claims every running import whose owner let its claim run out: a node that stopped or was killed, or this
     * node itself when no job of its own renews the claim any more.
     */
    List<Integer> claimAbandoned(String owner, Duration lease) {
        return jdbc.sql("""
                        UPDATE import_ledger_run
                           SET owner = :owner, lease_until = clock_timestamp() + make_interval(secs => :lease)
                         WHERE owner IS NOT NULL AND lease_until < clock_timestamp()
                        RETURNING year""")
                .param("owner", owner).param("lease", interval(lease)).query(Integer.class).list();
    }

    /** Claims every running import that no node holds: those paused, and those of nodes that stopped. */
    List<Integer> claimAllUnheld(String owner, Duration lease) {
        return jdbc.sql("""
                        UPDATE import_ledger_run
                           SET owner = :owner, lease_until = clock_timestamp() + make_interval(secs => :lease)
                         WHERE owner IS NULL OR owner = :owner OR lease_until < clock_timestamp()
                        RETURNING year""")
                .param("owner", owner).param("lease", interval(lease)).query(Integer.class).list();
    }

    /** Renews {@code owner}'s claims on {@code years}; returns the years whose claim it still held. */
    Set<Integer> renew(String owner, Set<Integer> years, Duration lease) {
        if (years.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("""
                        UPDATE import_ledger_run SET lease_until = clock_timestamp() + make_interval(secs => :lease)
                         WHERE owner = :owner AND year IN (:years)
                        RETURNING year""")
                .param("owner", owner).param("years", years).param("lease", interval(lease))
                .query(Integer.class).list());
    }

    /** {@code owner} stops working on the year: it waits, paused, for the next trigger or an admin. */
    void release(int year, String owner) {
        jdbc.sql("UPDATE import_ledger_run SET owner = NULL, lease_until = NULL WHERE year = :year AND owner = :owner")
                .param("year", year).param("owner", owner).update();
    }

    /** {@code owner} is stopping: its claims run out now, so another node takes its years over at once. */
    void handOver(String owner) {
        jdbc.sql("UPDATE import_ledger_run SET lease_until = clock_timestamp() WHERE owner = :owner")
                .param("owner", owner).update();
    }

    Set<Integer> pagesRead(int year, Instant runStartedAt, DateWindow window, int pass) {
        return new HashSet<>(jdbc.sql("""
                        SELECT page FROM import_ledger_page
                         WHERE year = :year AND run_started_at = :run AND window_from = :from AND pass = :pass""")
                .param("year", year).param("run", utc(runStartedAt)).param("from", window.from())
                .param("pass", pass).query(Integer.class).list());
    }

    /** The window's page count as TMDb last reported it in this run, or 0 when no page was read yet. */
    int lastSeenTotalPages(int year, Instant runStartedAt, DateWindow window) {
        return jdbc.sql("""
                        SELECT total_pages FROM import_ledger_page
                         WHERE year = :year AND run_started_at = :run AND window_from = :from
                         ORDER BY pass DESC, page DESC LIMIT 1""")
                .param("year", year).param("run", utc(runStartedAt)).param("from", window.from())
                .query(Integer.class).optional().orElse(0);
    }

    /** Whether TMDb's count of the window changed while this pass read it: movies may have moved between pages. */
    boolean countChangedDuring(int year, Instant runStartedAt, DateWindow window, int pass) {
        return jdbc.sql("""
                        SELECT count(DISTINCT total_results) > 1 FROM import_ledger_page
                         WHERE year = :year AND run_started_at = :run AND window_from = :from AND pass = :pass""")
                .param("year", year).param("run", utc(runStartedAt)).param("from", window.from())
                .param("pass", pass).query(Boolean.class).single();
    }

    /**
     * Appends {@link PageDiscovered} unless this page of the window was recorded before in this run and pass.
     *
     * @throws ClaimLostException when {@code owner} no longer works on this run of the year
     */
    boolean recordPage(int year, Instant runStartedAt, String owner, DateWindow window, int pass, DiscoverPage page) {
        List<ListedMovie> movies = page.movies().stream()
                .map(movie -> new ListedMovie(movie.tmdbId(), movie.title(), movie.releaseDate()))
                .toList();
        return Boolean.TRUE.equals(transaction.execute(status -> {
            requireClaim(year, runStartedAt, owner);
            int inserted = jdbc.sql("""
                            INSERT INTO import_ledger_page (year, run_started_at, window_from, pass, page,
                                                            total_results, total_pages)
                            VALUES (:year, :run, :from, :pass, :page, :totalResults, :totalPages)
                            ON CONFLICT DO NOTHING""")
                    .param("year", year).param("run", utc(runStartedAt)).param("from", window.from())
                    .param("pass", pass).param("page", page.page()).param("totalResults", page.totalResults())
                    .param("totalPages", page.totalPages()).update();
            if (inserted == 0) {
                return false;
            }
            jdbc.sql("""
                            INSERT INTO import_ledger_discovered (year, tmdb_id, title)
                            SELECT :year, movie.tmdb_id, movie.title
                              FROM unnest(CAST(:ids AS int[]), CAST(:titles AS text[])) AS movie (tmdb_id, title)
                            ON CONFLICT DO NOTHING""")
                    .param("year", year)
                    .param("ids", movies.stream().map(ListedMovie::tmdbId).toArray(Integer[]::new))
                    .param("titles", movies.stream().map(ListedMovie::title).toArray(String[]::new))
                    .update();
            events.publish(new PageDiscovered(year, window, pass, page.page(), page.totalPages(),
                    page.totalResults(), movies));
            return true;
        }));
    }

    /**
     * The year's discovered movies still to import in the run that started at {@code runStartedAt}: those
     * with no outcome, and those whose import failed before this run began (a new run tries them again).
     */
    List<ListedMovie> awaitingOutcome(int year, Instant runStartedAt) {
        return jdbc.sql("""
                        SELECT d.tmdb_id, d.title FROM import_ledger_discovered d
                          LEFT JOIN import_ledger_outcome o ON o.tmdb_id = d.tmdb_id
                         WHERE d.year = :year
                           AND (o.tmdb_id IS NULL OR (o.outcome = 'failed' AND o.recorded_at < :runStartedAt))
                         ORDER BY d.tmdb_id""")
                .param("year", year).param("runStartedAt", utc(runStartedAt))
                .query((rs, row) -> new ListedMovie(rs.getInt("tmdb_id"), rs.getString("title"), null))
                .list();
    }

    /**
     * Records the outcomes in one transaction, appending each one's event unless the movie already has a
     * final outcome (imported or skipped). A failure may be replaced; its attempts are counted.
     *
     * @return how many outcomes were new
     * @throws ClaimLostException when {@code owner} no longer works on this run of the year
     */
    int recordOutcomes(int year, Instant runStartedAt, String owner, List<MovieOutcome> outcomes) {
        Integer recorded = transaction.execute(status -> {
            requireClaim(year, runStartedAt, owner);
            return record(outcomes, utc(clock.instant()));
        });
        return recorded == null ? 0 : recorded;
    }

    /**
     * Records one outcome found outside a year's run (a festival nomination's film, a list's member, a retried
     * failure), in a transaction of its own: unless the movie already has a final outcome.
     *
     * @return whether it was new
     */
    boolean recordOutcome(MovieOutcome outcome) {
        Integer recorded = transaction.execute(status -> record(List.of(outcome), utc(clock.instant())));
        return recorded != null && recorded == 1;
    }

    /**
     * One statement writes the ledger rows of the outcomes and one batch appends their events, in the order of
     * the outcomes. A movie listed twice is recorded as if its outcomes came one after the other.
     */
    private int record(List<MovieOutcome> outcomes, OffsetDateTime now) {
        Map<Integer, MovieOutcome> first = new LinkedHashMap<>();
        List<MovieOutcome> later = new ArrayList<>();
        for (MovieOutcome outcome : outcomes) {
            if (first.putIfAbsent(outcome.tmdbId(), outcome) != null) {
                later.add(outcome);
            }
        }
        if (first.isEmpty()) {
            return 0;
        }
        List<MovieOutcome> rows = List.copyOf(first.values());
        Map<Integer, Integer> attempts = new HashMap<>();
        jdbc.sql("""
                        INSERT INTO import_ledger_outcome (tmdb_id, year, outcome, attempts, recorded_at, content_hash,
                                                           source, imdb_id, title_key, release_year)
                        SELECT o.tmdb_id, o.year, o.outcome, 1, :at, o.content_hash, o.source, o.imdb_id, o.title_key,
                               o.release_year
                          FROM unnest(CAST(:ids AS int[]), CAST(:years AS int[]), CAST(:outcomes AS text[]),
                                      CAST(:hashes AS bytea[]), CAST(:sources AS text[]), CAST(:imdbIds AS text[]),
                                      CAST(:titleKeys AS text[]), CAST(:releaseYears AS int[]))
                               AS o (tmdb_id, year, outcome, content_hash, source, imdb_id, title_key, release_year)
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
                .param("at", now)
                .param("ids", rows.stream().map(MovieOutcome::tmdbId).toArray(Integer[]::new))
                .param("years", rows.stream().map(MovieOutcome::year).toArray(Integer[]::new))
                .param("outcomes", rows.stream().map(outcome -> outcome.kind().column()).toArray(String[]::new))
                .param("hashes", rows.stream().map(MovieOutcome::contentHash).toArray(byte[][]::new))
                .param("sources", rows.stream().map(MovieOutcome::source).toArray(String[]::new))
                .param("imdbIds", rows.stream().map(MovieOutcome::imdbId).toArray(String[]::new))
                .param("titleKeys", rows.stream().map(outcome -> TitleKey.of(outcome.title())).toArray(String[]::new))
                .param("releaseYears", rows.stream()
                        .map(outcome -> outcome.releaseDate() == null ? null : outcome.releaseDate().getYear())
                        .toArray(Integer[]::new))
                .query(rs -> {
                    attempts.put(rs.getInt("tmdb_id"), rs.getInt("attempts"));
                });
        List<Object> appended = new ArrayList<>(attempts.size());
        for (MovieOutcome outcome : rows) {
            Integer attempt = attempts.get(outcome.tmdbId());
            if (attempt != null) {
                appended.add(outcome.event().apply(attempt));
            }
        }
        if (!appended.isEmpty()) {
            events.publish(appended);
        }
        return appended.size() + record(later, now);
    }

    /** A movie with a final outcome (imported or skipped) whose IMDb id is {@code imdbId}, if any. */
    Optional<KnownMovie> knownByImdbId(String imdbId) {
        return jdbc.sql("""
                        SELECT tmdb_id, imdb_id, outcome FROM import_ledger_outcome
                         WHERE imdb_id = :imdbId AND outcome <> 'failed' ORDER BY tmdb_id LIMIT 1""")
                .param("imdbId", imdbId).query(ImportLedger::knownMovie).optional();
    }

    /** The imported movies whose title has the key, released from {@code fromYear} to {@code toYear}. */
    List<KnownMovie> importedByTitle(String titleKey, int fromYear, int toYear) {
        return jdbc.sql("""
                        SELECT tmdb_id, imdb_id, outcome FROM import_ledger_outcome
                         WHERE title_key = :key AND release_year BETWEEN :from AND :to AND outcome = 'imported'
                         ORDER BY tmdb_id""")
                .param("key", titleKey).param("from", fromYear).param("to", toYear)
                .query(ImportLedger::knownMovie).list();
    }

    /** The movie's outcome so far, if it has one: a failure too. */
    Optional<KnownMovie> outcomeOf(int tmdbId) {
        return jdbc.sql("SELECT tmdb_id, imdb_id, outcome FROM import_ledger_outcome WHERE tmdb_id = :id")
                .param("id", tmdbId).query(ImportLedger::knownMovie).optional();
    }

    /** The movies whose last import from {@code source} failed, with the year their import was part of. */
    List<FailedMovie> failed(String source) {
        return jdbc.sql("""
                        SELECT tmdb_id, year FROM import_ledger_outcome
                         WHERE outcome = 'failed' AND source = :source ORDER BY tmdb_id""")
                .param("source", source)
                .query((rs, row) -> new FailedMovie(rs.getInt("tmdb_id"), (Integer) rs.getObject("year")))
                .list();
    }

    /** The movie, when its last import from {@code source} failed. */
    Optional<FailedMovie> failed(String source, int tmdbId) {
        return jdbc.sql("""
                        SELECT tmdb_id, year FROM import_ledger_outcome
                         WHERE tmdb_id = :tmdbId AND outcome = 'failed' AND source = :source""")
                .param("tmdbId", tmdbId).param("source", source)
                .query((rs, row) -> new FailedMovie(rs.getInt("tmdb_id"), (Integer) rs.getObject("year")))
                .optional();
    }

    private static KnownMovie knownMovie(ResultSet rs, int row) throws SQLException {
        return new KnownMovie(rs.getInt("tmdb_id"), rs.getString("imdb_id"),
                MovieOutcome.Kind.valueOf(rs.getString("outcome").toUpperCase(Locale.ROOT)));
    }

    record FailedMovie(int tmdbId, Integer year) {
    }

    /**
     * Fences a write of a year's job, and notes the run's progress: the run must still be the year's running
     * one, claimed by {@code owner}. The row stays locked until the write commits, so no other node can take the
     * claim in between.
     */
    private void requireClaim(int year, Instant runStartedAt, String owner) {
        int held = jdbc.sql("""
                        UPDATE import_ledger_run SET progressed_at = clock_timestamp()
                         WHERE year = :year AND started_at = :run AND owner = :owner""")
                .param("year", year).param("run", utc(runStartedAt)).param("owner", owner).update();
        if (held == 0) {
            throw new ClaimLostException(year);
        }
    }

    /**
     * Whether the year's running import recorded nothing for {@code stallAfter}: stuck, whether or not a node
     * holds it.
     */
    boolean stalled(int year, Duration stallAfter) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM import_ledger_run WHERE year = :year
                                          AND COALESCE(progressed_at, started_at)
                                              < clock_timestamp() - make_interval(secs => :stall))""")
                .param("year", year).param("stall", interval(stallAfter)).query(Boolean.class).single();
    }

    /** Takes the year's running import for {@code owner}, whoever held it: the holder's writes fail from now on. */
    boolean seize(int year, String owner, Duration lease) {
        return jdbc.sql("""
                        UPDATE import_ledger_run
                           SET owner = :owner, lease_until = clock_timestamp() + make_interval(secs => :lease)
                         WHERE year = :year""")
                .param("year", year).param("owner", owner).param("lease", interval(lease)).update() == 1;
    }

    /** Counts over the movies discovered for the year, each counted once whatever happened to it. */
    YearCounts counts(int year) {
        return jdbc.sql("""
                        SELECT count(*) AS discovered,
                               count(*) FILTER (WHERE o.outcome = 'imported') AS imported,
                               count(*) FILTER (WHERE o.outcome = 'skipped') AS skipped,
                               count(*) FILTER (WHERE o.outcome = 'failed') AS failed
                          FROM import_ledger_discovered d
                          LEFT JOIN import_ledger_outcome o ON o.tmdb_id = d.tmdb_id
                         WHERE d.year = :year""")
                .param("year", year)
                .query((rs, row) -> new YearCounts(rs.getInt("discovered"), rs.getInt("imported"),
                        rs.getInt("skipped"), rs.getInt("failed")))
                .single();
    }

    /** A duration in seconds, for {@code make_interval(secs => ...)}. */
    private static double interval(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
