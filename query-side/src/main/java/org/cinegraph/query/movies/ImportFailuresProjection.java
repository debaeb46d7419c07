package org.cinegraph.query.movies;

import java.time.Instant;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.cinegraph.events.MovieImportFailed;
import org.cinegraph.events.MovieImported;
import org.cinegraph.events.MovieSkipped;
import org.cinegraph.query.projections.BatchedWrites;
import org.cinegraph.query.projections.ProjectionTables;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Failed imports, kept until the movie is imported or skipped from the same source. */
@Component
@ProcessingGroup("import-failures")
@ProjectionTables("import_failures")
class ImportFailuresProjection {

    private final JdbcClient jdbc;

    ImportFailuresProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @ResetHandler
    void reset() {
        jdbc.sql("DELETE FROM import_failures").update();
    }

    @EventHandler
    void on(MovieImportFailed event, @Timestamp Instant at) {
        writes().upsert(new Key(event.source(), event.tmdbId()), new Failure(event, at));
    }

    @EventHandler
    void on(MovieImported event) {
        writes().delete(new Key(event.source(), event.tmdbId()));
    }

    @EventHandler
    void on(MovieSkipped event) {
        writes().delete(new Key(event.source(), event.tmdbId()));
    }

    private BatchedWrites<Key, Failure> writes() {
        return BatchedWrites.ofCurrentBatch("import_failures", this::write);
    }

    /** Applies a batch's failures and resolutions in two statements. */
    private void write(List<Key> resolved, List<Failure> failures) {
        if (!resolved.isEmpty()) {
            jdbc.sql("""
                            DELETE FROM import_failures
                             WHERE (source, tmdb_id) IN (SELECT * FROM unnest(CAST(:sources AS text[]), CAST(:ids AS int[])))
                            """)
                    .param("sources", resolved.stream().map(Key::source).toArray(String[]::new))
                    .param("ids", resolved.stream().map(Key::tmdbId).toArray(Integer[]::new))
                    .update();
        }
        if (failures.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO import_failures (source, tmdb_id, imdb_id, title, year, reason, retry_count, detail,
                                                     last_attempt_at)
                        SELECT * FROM unnest(CAST(:sources AS text[]), CAST(:ids AS int[]), CAST(:imdbIds AS text[]),
                                             CAST(:titles AS text[]), CAST(:years AS int[]), CAST(:reasons AS text[]),
                                             CAST(:retries AS int[]), CAST(:details AS text[]),
                                             CAST(:ats AS timestamptz[]))
                        ON CONFLICT (source, tmdb_id) DO UPDATE
                           SET imdb_id = EXCLUDED.imdb_id, title = EXCLUDED.title, year = EXCLUDED.year,
                               reason = EXCLUDED.reason, retry_count = EXCLUDED.retry_count, detail = EXCLUDED.detail,
                               last_attempt_at = EXCLUDED.last_attempt_at""")
                .param("sources", failures.stream().map(failure -> failure.event().source()).toArray(String[]::new))
                .param("ids", failures.stream().map(failure -> failure.event().tmdbId()).toArray(Integer[]::new))
                .param("imdbIds", failures.stream().map(failure -> failure.event().imdbId()).toArray(String[]::new))
                .param("titles", failures.stream().map(failure -> failure.event().title()).toArray(String[]::new))
                .param("years", failures.stream().map(failure -> failure.event().year()).toArray(Integer[]::new))
                .param("reasons", failures.stream().map(failure -> failure.event().reason()).toArray(String[]::new))
                .param("retries", failures.stream().map(failure -> Math.max(0, failure.event().attempt() - 1))
                        .toArray(Integer[]::new))
                .param("details", failures.stream().map(failure -> failure.event().detail()).toArray(String[]::new))
                .param("ats", failures.stream().map(failure -> failure.at().toString()).toArray(String[]::new))
                .update();
    }

    private record Key(String source, int tmdbId) {
    }

    private record Failure(MovieImportFailed event, Instant at) {
    }
}
