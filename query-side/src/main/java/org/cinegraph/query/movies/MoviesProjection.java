package org.cinegraph.query.movies;

import java.time.Instant;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.cinegraph.events.MovieImported;
import org.cinegraph.query.projections.BatchedWrites;
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

    @EventHandler
    void on(MovieImported event, @Timestamp Instant at) {
        BatchedWrites.<Integer, ImportedMovie>ofCurrentBatch("movies", this::write)
                .upsert(event.tmdbId(), new ImportedMovie(event, at));
    }

    /**
     * Upserts the batch's movies in one statement. Each record is parsed once, in a subquery that OFFSET 0 keeps
     * PostgreSQL from inlining: inlined, it would parse the whole TMDb record again for each column extracted
     * from it.
     */
    private void write(List<Integer> deletes, List<ImportedMovie> movies) {
        jdbc.sql("""
                        INSERT INTO movies (tmdb_id, imdb_id, title, release_date, year, popularity, vote_count,
                                            runtime, original_language, tmdb_data, imported_at)
                        SELECT id, imdb_id, title, release_date, COALESCE(year, EXTRACT(YEAR FROM release_date)::int),
                               (data ->> 'popularity')::double precision, (data ->> 'vote_count')::int,
                               (data ->> 'runtime')::int, data ->> 'original_language', data, at
                          FROM (SELECT id, imdb_id, title, release_date, year, CAST(record AS jsonb) AS data, at
                                  FROM unnest(CAST(:ids AS int[]), CAST(:imdbIds AS text[]), CAST(:titles AS text[]),
                                              CAST(:releaseDates AS date[]), CAST(:years AS int[]),
                                              CAST(:records AS text[]), CAST(:ats AS timestamptz[]))
                                       AS movie (id, imdb_id, title, release_date, year, record, at)
                                OFFSET 0) AS parsed
                        ON CONFLICT (tmdb_id) DO UPDATE
                           SET imdb_id = EXCLUDED.imdb_id, title = EXCLUDED.title, release_date = EXCLUDED.release_date,
                               year = EXCLUDED.year, popularity = EXCLUDED.popularity,
                               vote_count = EXCLUDED.vote_count, runtime = EXCLUDED.runtime,
                               original_language = EXCLUDED.original_language, tmdb_data = EXCLUDED.tmdb_data,
                               imported_at = EXCLUDED.imported_at""")
                .param("ids", movies.stream().map(movie -> movie.event().tmdbId()).toArray(Integer[]::new))
                .param("imdbIds", movies.stream().map(movie -> movie.event().imdbId()).toArray(String[]::new))
                .param("titles", movies.stream().map(movie -> movie.event().title()).toArray(String[]::new))
                .param("releaseDates", movies.stream().map(movie -> movie.event().releaseDate())
                        .map(date -> date == null ? null : date.toString()).toArray(String[]::new))
                .param("years", movies.stream().map(movie -> movie.event().year()).toArray(Integer[]::new))
                .param("records", movies.stream().map(movie -> movie.event().tmdbData()).toArray(String[]::new))
                .param("ats", movies.stream().map(movie -> movie.at().toString()).toArray(String[]::new))
                .update();
    }

    private record ImportedMovie(MovieImported event, Instant at) {
    }
}
