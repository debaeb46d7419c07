package org.cinegraph.query.failures;

import java.time.Instant;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.cinegraph.events.CanonicalListImported;
import org.cinegraph.events.CeremonyImportFailed;
import org.cinegraph.events.CeremonyImportResolved;
import org.cinegraph.events.ListEntry;
import org.cinegraph.events.ListEntryFound;
import org.cinegraph.events.ListEntryNotFound;
import org.cinegraph.events.MovieImportFailed;
import org.cinegraph.events.MovieImported;
import org.cinegraph.events.MovieSkipped;
import org.cinegraph.events.NominationMatchFailed;
import org.cinegraph.events.NominationMatched;
import org.cinegraph.query.writes.BatchedWrites;
import org.cinegraph.query.writes.CountChanges;
import org.cinegraph.query.writes.JdbcProjection;
import org.cinegraph.query.writes.ProjectionTables;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Failures, kept until what failed succeeds from the same source: a movie's import until it is imported or
 * skipped, a festival nomination's match until it is matched, a festival ceremony's import until it is imported,
 * a list member's lookup until it is found or the member leaves its list.
 *
 * <p>Apart from them, {@code failed_movies} holds each movie whose last outcome is a failure, whatever its source,
 * until it is imported or skipped by any, and {@code import_failure_counts} counts them: a movie that failed from two
 * sources, or twice, is one movie the catalogue has no final outcome for.
 */
@Component
@ProcessingGroup("import-failures")
@ProjectionTables({"import_failures", "failed_movies", "import_failure_counts"})
class ImportFailuresProjection extends JdbcProjection {

    /** The count of {@code import_failure_counts} of the movies in {@code failed_movies}. */
    static final String FAILED = "failed";
    private static final CountChanges.Table<String> COUNTS = new CountChanges.Table<>("import_failure_counts",
            "counter", String.class);

    ImportFailuresProjection(JdbcClient jdbc) {
        super(jdbc);
    }

    @EventHandler
    void on(MovieImportFailed event, @Timestamp Instant at) {
        FailureSubject subject = FailureSubject.movie(event.source(), event.tmdbId());
        writes().upsert(subject, new Failure(subject, event.tmdbId(), event.imdbId(), event.title(), event.year(),
                event.reason(), event.attempt(), event.detail(), at));
        failedMovies().upsert(event.tmdbId(), event.tmdbId());
    }

    @EventHandler
    void on(MovieImported event) {
        writes().delete(FailureSubject.movie(event.source(), event.tmdbId()));
        failedMovies().delete(event.tmdbId());
    }

    @EventHandler
    void on(MovieSkipped event) {
        writes().delete(FailureSubject.movie(event.source(), event.tmdbId()));
        failedMovies().delete(event.tmdbId());
    }

    @EventHandler
    void on(NominationMatchFailed event, @Timestamp Instant at) {
        FailureSubject subject = FailureSubject.of(event);
        writes().upsert(subject, new Failure(subject, null, event.imdbId(), event.film(), event.filmYear(),
                event.reason(), event.attempt(), event.year() + " " + event.category() + ": " + event.message(), at));
    }

    @EventHandler
    void on(NominationMatched event) {
        writes().delete(FailureSubject.of(event));
    }

    /** A ceremony's failure has no movie: its title names the ceremony, its year is the ceremony's. */
    @EventHandler
    void on(CeremonyImportFailed event, @Timestamp Instant at) {
        FailureSubject subject = FailureSubject.of(event);
        writes().upsert(subject, new Failure(subject, null, null, event.organization() + " ceremony " + event.year(),
                event.year(), event.reason(), event.attempt(), event.detail(), at));
    }

    @EventHandler
    void on(CeremonyImportResolved event) {
        writes().delete(FailureSubject.of(event));
    }

    @EventHandler
    void on(ListEntryNotFound event, @Timestamp Instant at) {
        FailureSubject subject = FailureSubject.of(event);
        writes().upsert(subject, new Failure(subject, null, event.imdbId(), event.title(), event.year(),
                event.reason(), event.attempt(), event.message(), at));
    }

    @EventHandler
    void on(ListEntryFound event) {
        writes().delete(FailureSubject.of(event));
    }

    /** A member that left its list is no longer a failure of the list; what came before it is written first. */
    @EventHandler
    void on(CanonicalListImported event) {
        writes().flush();
        jdbc.sql("""
                        DELETE FROM import_failures
                         WHERE source = :source AND tmdb_id IS NULL
                           AND NOT (subject = ANY (CAST(:imdbIds AS text[])))""")
                .param("source", FailureSubject.listSource(event.key()))
                .param("imdbIds", event.entries().stream().map(ListEntry::imdbId).toArray(String[]::new))
                .update();
    }

    private BatchedWrites<FailureSubject, Failure> writes() {
        return BatchedWrites.ofCurrentBatch("import_failures", this::write);
    }

    private BatchedWrites<Integer, Integer> failedMovies() {
        BatchedWrites<Integer, Integer> movies = BatchedWrites.ofCurrentBatch("failed_movies",
                this::writeFailedMovies);
        // Asked for after the movies' writes, so the count is written after them, once per batch.
        counts();
        return movies;
    }

    private CountChanges<String> counts() {
        return CountChanges.ofCurrentBatch(jdbc, COUNTS);
    }

    /** Applies a batch's failed and no longer failed movies in two statements, counting what they change. */
    private void writeFailedMovies(List<Integer> resolved, List<Integer> failed) {
        if (!resolved.isEmpty()) {
            counts().add(FAILED, -jdbc.sql("DELETE FROM failed_movies WHERE tmdb_id = ANY (CAST(:ids AS int[]))")
                    .param("ids", resolved.toArray(Integer[]::new)).update());
        }
        if (!failed.isEmpty()) {
            counts().add(FAILED, jdbc.sql("""
                            INSERT INTO failed_movies (tmdb_id)
                            SELECT id FROM unnest(CAST(:ids AS int[])) AS failed (id) ORDER BY id
                            ON CONFLICT (tmdb_id) DO NOTHING""")
                    .param("ids", failed.toArray(Integer[]::new)).update());
        }
    }

    /** Applies a batch's failures and resolutions in two statements. */
    private void write(List<FailureSubject> resolved, List<Failure> failures) {
        if (!resolved.isEmpty()) {
            jdbc.sql("""
                            DELETE FROM import_failures
                             WHERE (source, subject) IN (SELECT * FROM unnest(CAST(:sources AS text[]),
                                                                              CAST(:subjects AS text[])))""")
                    .param("sources", resolved.stream().map(FailureSubject::source).toArray(String[]::new))
                    .param("subjects", resolved.stream().map(FailureSubject::subject).toArray(String[]::new))
                    .update();
        }
        if (failures.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO import_failures (source, subject, tmdb_id, imdb_id, title, year, reason,
                                                     retry_count, detail, last_attempt_at)
                        SELECT * FROM unnest(CAST(:sources AS text[]), CAST(:subjects AS text[]),
                                             CAST(:ids AS int[]), CAST(:imdbIds AS text[]), CAST(:titles AS text[]),
                                             CAST(:years AS int[]), CAST(:reasons AS text[]), CAST(:retries AS int[]),
                                             CAST(:details AS text[]), CAST(:ats AS timestamptz[]))
                        ON CONFLICT (source, subject) DO UPDATE
                           SET tmdb_id = EXCLUDED.tmdb_id,
                               imdb_id = COALESCE(EXCLUDED.imdb_id, import_failures.imdb_id),
                               title = COALESCE(EXCLUDED.title, import_failures.title),
                               year = COALESCE(EXCLUDED.year, import_failures.year),
                               reason = EXCLUDED.reason, retry_count = EXCLUDED.retry_count, detail = EXCLUDED.detail,
                               last_attempt_at = EXCLUDED.last_attempt_at""")
                .param("sources", failures.stream().map(failure -> failure.subject().source()).toArray(String[]::new))
                .param("subjects", failures.stream().map(failure -> failure.subject().subject())
                        .toArray(String[]::new))
                .param("ids", failures.stream().map(Failure::tmdbId).toArray(Integer[]::new))
                .param("imdbIds", failures.stream().map(Failure::imdbId).toArray(String[]::new))
                .param("titles", failures.stream().map(Failure::title).toArray(String[]::new))
                .param("years", failures.stream().map(Failure::year).toArray(Integer[]::new))
                .param("reasons", failures.stream().map(Failure::reason).toArray(String[]::new))
                .param("retries", failures.stream().map(failure -> Math.max(0, failure.attempt() - 1))
                        .toArray(Integer[]::new))
                .param("details", failures.stream().map(Failure::detail).toArray(String[]::new))
                .param("ats", failures.stream().map(failure -> failure.at().toString()).toArray(String[]::new))
                .update();
    }

    /** A whole row; {@code tmdbId} null for a failure of something with no TMDb id (a nomination's film). */
    private record Failure(FailureSubject subject, Integer tmdbId, String imdbId, String title, Integer year,
                           String reason, int attempt, String detail, Instant at) {
    }
}
