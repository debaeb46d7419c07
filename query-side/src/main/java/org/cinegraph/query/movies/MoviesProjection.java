package org.cinegraph.query.movies;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.cinegraph.events.MovieImported;
import org.cinegraph.query.projections.ProjectionTables;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The imported movies. The columns the API filters and sorts on are extracted from the stored TMDb record. */
@Component
@ProcessingGroup("movies")
@ProjectionTables("movies")
class MoviesProjection {

    private final JdbcClient jdbc;

    MoviesProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @ResetHandler
    void reset() {
        jdbc.sql("DELETE FROM movies").update();
    }

    /**
     * The record is parsed once, in a subquery that OFFSET 0 keeps PostgreSQL from inlining: inlined, it would
     * parse the whole TMDb record again for each column extracted from it.
     */
    @EventHandler
    void on(MovieImported event, @Timestamp Instant at) {
        jdbc.sql("""
                        INSERT INTO movies (tmdb_id, imdb_id, title, release_date, year, popularity, vote_count,
                                            runtime, original_language, tmdb_data, imported_at)
                        SELECT :id, :imdbId, :title, :releaseDate, COALESCE(:year, EXTRACT(YEAR FROM :releaseDate)::int),
                               (data ->> 'popularity')::double precision, (data ->> 'vote_count')::int,
                               (data ->> 'runtime')::int, data ->> 'original_language', data, :at
                          FROM (SELECT CAST(:data AS jsonb) AS data OFFSET 0) AS record
                        ON CONFLICT (tmdb_id) DO UPDATE
                           SET imdb_id = EXCLUDED.imdb_id, title = EXCLUDED.title, release_date = EXCLUDED.release_date,
                               year = EXCLUDED.year, popularity = EXCLUDED.popularity,
                               vote_count = EXCLUDED.vote_count, runtime = EXCLUDED.runtime,
                               original_language = EXCLUDED.original_language, tmdb_data = EXCLUDED.tmdb_data,
                               imported_at = EXCLUDED.imported_at""")
                .param("id", event.tmdbId())
                .param("imdbId", event.imdbId())
                .param("title", event.title())
                .param("releaseDate", event.releaseDate())
                .param("year", event.year())
                .param("data", event.tmdbData())
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .update();
    }
}
