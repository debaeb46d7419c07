package org.cinegraph.query.movies;

import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.cinegraph.events.MovieImported;
import org.cinegraph.events.MovieUpdated;
import org.cinegraph.query.writes.BatchedWrites;
import org.cinegraph.query.writes.JdbcProjection;
import org.cinegraph.query.writes.ProjectionTables;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The imported movies. The columns the API filters and sorts on are extracted from the stored TMDb record; the
 * movies of each year are counted in {@code movie_year_counts}.
 */
@Component
@ProcessingGroup("movies")
@ProjectionTables(value = {"movies", "movie_year_counts"}, neverEmptyAfter = MovieImported.class)
class MoviesProjection extends JdbcProjection {

    private static final int ROWS_PER_STATEMENT = 100;
    private static final String ROW = "(CAST(? AS int), CAST(? AS text), CAST(? AS text), CAST(? AS date),"
            + " CAST(? AS int), CAST(? AS text), CAST(? AS timestamptz))";

    MoviesProjection(JdbcClient jdbc) {
        super(jdbc);
    }

    @EventHandler
    void on(MovieImported event, @Timestamp Instant at) {
        pending().upsert(event.tmdbId(), new ImportedMovie(event, at));
    }

    /**
     * TMDb's record of an imported movie changed: the row takes the new record and what is extracted from it;
     * its year stays the one its import gave it. Rare (a delta sync's few changes), so written at once, after
     * the batch's pending imports.
     */
    @EventHandler
    void on(MovieUpdated event) {
        pending().flush();
        jdbc.sql("""
                        UPDATE movies
                           SET imdb_id = :imdbId, title = :title, release_date = :releaseDate,
                               popularity = (data ->> 'popularity')::double precision,
                               vote_count = (data ->> 'vote_count')::int, runtime = (data ->> 'runtime')::int,
                               original_language = data ->> 'original_language', tmdb_data = data
                          FROM (SELECT CAST(:record AS jsonb) AS data) AS parsed
                         WHERE tmdb_id = :tmdbId""")
                .param("tmdbId", event.tmdbId())
                .param("imdbId", event.imdbId())
                .param("title", event.title())
                .param("releaseDate", new SqlParameterValue(Types.DATE, event.releaseDate()))
                .param("record", event.tmdbData())
                .update();
    }

    private BatchedWrites<Integer, ImportedMovie> pending() {
        BatchedWrites<Integer, ImportedMovie> movies = BatchedWrites.ofCurrentBatch("movies", this::write);
        // Registered after the movies' writes, so the counts are written after them, once per batch.
        YearCountChanges.ofCurrentBatch(jdbc);
        return movies;
    }

    /**
     * Upserts the batch's movies, {@value #ROWS_PER_STATEMENT} per statement (one statement text the driver
     * parses once, then one for the rest), and notes what changed in the counts of their years, which the batch
     * writes once when it commits ({@link YearCountChanges}). Each TMDb record is its own parameter: in an array
     * it would cost PostgreSQL as much to unquote as to parse. Each record is parsed once, in a materialized common table expression: inlined, PostgreSQL would parse the whole
     * record again for each column extracted from it (twice the time, measured).
     */
    private void write(List<Integer> deletes, List<ImportedMovie> movies) {
        Map<Integer, Integer> counted = new HashMap<>();
        for (int from = 0; from < movies.size(); from += ROWS_PER_STATEMENT) {
            List<ImportedMovie> rows = movies.subList(from, Math.min(movies.size(), from + ROWS_PER_STATEMENT));
            List<SqlParameterValue> params = new ArrayList<>(rows.size() * 7);
            for (ImportedMovie movie : rows) {
                MovieImported event = movie.event();
                params.add(new SqlParameterValue(Types.INTEGER, event.tmdbId()));
                params.add(new SqlParameterValue(Types.VARCHAR, event.imdbId()));
                params.add(new SqlParameterValue(Types.VARCHAR, event.title()));
                params.add(new SqlParameterValue(Types.DATE, event.releaseDate()));
                params.add(new SqlParameterValue(Types.INTEGER, event.year()));
                params.add(new SqlParameterValue(Types.VARCHAR, event.tmdbData()));
                params.add(new SqlParameterValue(Types.TIMESTAMP_WITH_TIMEZONE,
                        OffsetDateTime.ofInstant(movie.at(), ZoneOffset.UTC)));
            }
            String values = String.join(",", Collections.nCopies(rows.size(), ROW));
            jdbc.sql("""
                            WITH incoming AS MATERIALIZED (
                                SELECT id, imdb_id, title, release_date,
                                       COALESCE(year, EXTRACT(YEAR FROM release_date)::int) AS year,
                                       CAST(record AS jsonb) AS data, at
                                  FROM (VALUES %s) AS movie (id, imdb_id, title, release_date, year, record, at)),
                            previous AS (
                                SELECT year FROM movies WHERE tmdb_id IN (SELECT id FROM incoming)),
                            upserted AS (
                                INSERT INTO movies (tmdb_id, imdb_id, title, release_date, year, popularity, vote_count,
                                                    runtime, original_language, tmdb_data, imported_at)
                                SELECT id, imdb_id, title, release_date, year,
                                       (data ->> 'popularity')::double precision, (data ->> 'vote_count')::int,
                                       (data ->> 'runtime')::int, data ->> 'original_language', data, at
                                  FROM incoming
                                ON CONFLICT (tmdb_id) DO UPDATE
                                   SET imdb_id = EXCLUDED.imdb_id, title = EXCLUDED.title,
                                       release_date = EXCLUDED.release_date, year = EXCLUDED.year,
                                       popularity = EXCLUDED.popularity, vote_count = EXCLUDED.vote_count,
                                       runtime = EXCLUDED.runtime, original_language = EXCLUDED.original_language,
                                       tmdb_data = EXCLUDED.tmdb_data, imported_at = EXCLUDED.imported_at
                                RETURNING year)
                            SELECT year, sum(change)::int AS change
                              FROM (SELECT year, 1 AS change FROM upserted
                                    UNION ALL SELECT year, -1 FROM previous) AS changes
                             WHERE year IS NOT NULL
                             GROUP BY year"""
                            .formatted(values))
                    .params(params)
                    .query(rs -> {
                        counted.merge(rs.getInt("year"), rs.getInt("change"), Integer::sum);
                    });
        }
        YearCountChanges.ofCurrentBatch(jdbc).add(counted);
    }

    private record ImportedMovie(MovieImported event, Instant at) {
    }
}
