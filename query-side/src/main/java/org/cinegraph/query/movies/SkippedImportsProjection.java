package org.cinegraph.query.movies;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.cinegraph.events.MovieImported;
import org.cinegraph.events.MovieSkipped;
import org.cinegraph.query.projections.ProjectionTables;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The movies the quality filter kept out, with the criteria each failed; an import later takes one out. */
@Component
@ProcessingGroup("skipped-imports")
@ProjectionTables("skipped_imports")
class SkippedImportsProjection {

    private final JdbcClient jdbc;

    SkippedImportsProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @ResetHandler
    void reset() {
        jdbc.sql("DELETE FROM skipped_imports").update();
    }

    @EventHandler
    void on(MovieSkipped event, @Timestamp Instant at) {
        jdbc.sql("""
                        INSERT INTO skipped_imports
                               (tmdb_id, imdb_id, title, year, source, reason, criteria_failed, skipped_at)
                        VALUES (:id, :imdbId, :title, :year, :source, :reason, :criteria, :at)
                        ON CONFLICT (tmdb_id) DO UPDATE
                           SET imdb_id = EXCLUDED.imdb_id, title = EXCLUDED.title, year = EXCLUDED.year,
                               source = EXCLUDED.source, reason = EXCLUDED.reason,
                               criteria_failed = EXCLUDED.criteria_failed, skipped_at = EXCLUDED.skipped_at""")
                .param("id", event.tmdbId())
                .param("imdbId", event.imdbId())
                .param("title", event.title())
                .param("year", event.year())
                .param("source", event.source())
                .param("reason", event.reason())
                .param("criteria", event.criteriaFailed().toArray(String[]::new))
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .update();
    }

    @EventHandler
    void on(MovieImported event) {
        jdbc.sql("DELETE FROM skipped_imports WHERE tmdb_id = :id").param("id", event.tmdbId()).update();
    }
}
