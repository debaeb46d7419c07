package org.cinegraph.query.movies;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.cinegraph.events.MovieImportFailed;
import org.cinegraph.events.MovieImported;
import org.cinegraph.events.MovieSkipped;
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
        jdbc.sql("""
                        INSERT INTO import_failures (source, tmdb_id, imdb_id, title, year, reason, retry_count, detail,
                                                     last_attempt_at)
                        VALUES (:source, :id, :imdbId, :title, :year, :reason, :retries, :detail, :at)
                        ON CONFLICT (source, tmdb_id) DO UPDATE
                           SET imdb_id = EXCLUDED.imdb_id, title = EXCLUDED.title, year = EXCLUDED.year,
                               reason = EXCLUDED.reason, retry_count = EXCLUDED.retry_count, detail = EXCLUDED.detail,
                               last_attempt_at = EXCLUDED.last_attempt_at""")
                .param("source", event.source())
                .param("id", event.tmdbId())
                .param("imdbId", event.imdbId())
                .param("title", event.title())
                .param("year", event.year())
                .param("reason", event.reason())
                .param("retries", Math.max(0, event.attempt() - 1))
                .param("detail", event.detail())
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .update();
    }

    @EventHandler
    void on(MovieImported event) {
        resolved(event.source(), event.tmdbId());
    }

    @EventHandler
    void on(MovieSkipped event) {
        resolved(event.source(), event.tmdbId());
    }

    private void resolved(String source, int tmdbId) {
        jdbc.sql("DELETE FROM import_failures WHERE source = :source AND tmdb_id = :id")
                .param("source", source).param("id", tmdbId).update();
    }
}
