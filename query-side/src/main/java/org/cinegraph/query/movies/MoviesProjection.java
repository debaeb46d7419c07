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
import org.cinegraph.events.MovieRemovedFromTmdb;
import org.cinegraph.events.MovieRestoredOnTmdb;
import org.cinegraph.events.MovieUpdated;
import org.cinegraph.query.writes.BatchedWrites;
import org.cinegraph.query.writes.CountChanges;
import org.cinegraph.query.writes.JdbcProjection;
import org.cinegraph.query.writes.ProjectionTables;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The imported movies. The columns the API filters and sorts on are extracted from the stored TMDb record; the
 * movies of each year are counted in {@code movie_year_counts}, and all of them, and those TMDb's export no longer
 * lists, in {@code movie_counts}.
 */
@Component
@ProcessingGroup("movies")
@ProjectionTables(value = {"movies", "movie_year_counts", "movie_counts"}, neverEmptyAfter = MovieImported.class)
class MoviesProjection extends JdbcProjection {

    /** The count of {@code movie_counts} of every imported movie. */
    static final String IMPORTED = "imported";
    /** The count of {@code movie_counts} of the imported movies recorded as removed from TMDb, and not restored. */
    static final String REMOVED = "removed";
    private static final CountChanges.Table<Integer> BY_YEAR = new CountChanges.Table<>("movie_year_counts", "year",
            Integer.class);
    private static final CountChanges.Table<String> COUNTS = new CountChanges.Table<>("movie_counts", "counter",
            String.class);
    private static final int ROWS_PER_STATEMENT = 100;
    private static final String ROW = "(CAST(? AS int), CAST(? AS text), CAST(? AS text), CAST(? AS date),"
            + " CAST(? AS int), CAST(? AS double precision), CAST(? AS int), CAST(? AS int), CAST(? AS text),"
            + " CAST(? AS json), CAST(? AS timestamptz))";

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
        RecordColumns columns = RecordColumns.of(event.tmdbId(), event.tmdbData());
        jdbc.sql("""
                        UPDATE movies
                           SET imdb_id = :imdbId, title = :title, release_date = :releaseDate,
                               popularity = :popularity, vote_count = :voteCount, runtime = :runtime,
                               original_language = :originalLanguage, tmdb_data = CAST(:record AS json)
                         WHERE tmdb_id = :tmdbId""")
                .param("tmdbId", event.tmdbId())
                .param("imdbId", event.imdbId())
                .param("title", event.title())
                .param("releaseDate", new SqlParameterValue(Types.DATE, event.releaseDate()))
                .param("popularity", new SqlParameterValue(Types.DOUBLE, columns.popularity()))
                .param("voteCount", new SqlParameterValue(Types.INTEGER, columns.voteCount()))
                .param("runtime", new SqlParameterValue(Types.INTEGER, columns.runtime()))
                .param("originalLanguage", new SqlParameterValue(Types.VARCHAR, columns.originalLanguage()))
                .param("record", record(event.tmdbData()))
                .update();
    }

    /**
     * TMDb's export no longer lists the movie: it stays, marked removed since the event's time. A movie this
     * projection does not hold (one skipped, or whose import failed) changes nothing here. Written at once, after the
     * batch's pending imports, whose rows it may mark.
     */
    @EventHandler
    void on(MovieRemovedFromTmdb event, @Timestamp Instant at) {
        pending().flush();
        int marked = jdbc.sql("""
                        UPDATE movies SET removed_from_tmdb_at = :at
                         WHERE tmdb_id = :tmdbId AND removed_from_tmdb_at IS NULL""")
                .param("tmdbId", event.tmdbId())
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .update();
        counts().add(REMOVED, marked);
    }

    /** TMDb's export lists the movie again: it is no longer marked removed. */
    @EventHandler
    void on(MovieRestoredOnTmdb event) {
        pending().flush();
        int unmarked = jdbc.sql("""
                        UPDATE movies SET removed_from_tmdb_at = NULL
                         WHERE tmdb_id = :tmdbId AND removed_from_tmdb_at IS NOT NULL""")
                .param("tmdbId", event.tmdbId())
                .update();
        counts().add(REMOVED, -unmarked);
    }

    private BatchedWrites<Integer, ImportedMovie> pending() {
        BatchedWrites<Integer, ImportedMovie> movies = BatchedWrites.ofCurrentBatch("movies", this::write);
        // Asked for after the movies' writes, so the counts are written after them, once per batch.
        yearCounts();
        counts();
        return movies;
    }

    private CountChanges<Integer> yearCounts() {
        return CountChanges.ofCurrentBatch(jdbc, BY_YEAR);
    }

    private CountChanges<String> counts() {
        return CountChanges.ofCurrentBatch(jdbc, COUNTS);
    }

    /**
     * Upserts the batch's movies, {@value #ROWS_PER_STATEMENT} per statement (one statement text the driver
     * parses once, then one for the rest), and notes what changed in the counts of their years and of all movies,
     * which the batch writes once when it commits ({@link CountChanges}). The columns taken from each TMDb record
     * are read here ({@link RecordColumns}); PostgreSQL stores the record as {@code json}, checked but not parsed
     * into {@code jsonb}, which cost it most of a replay's time. Each record is its own parameter: in an array it
     * would cost PostgreSQL as much to unquote as to check.
     */
    private void write(List<Integer> deletes, List<ImportedMovie> movies) {
        List<YearChange> changes = new ArrayList<>();
        for (int from = 0; from < movies.size(); from += ROWS_PER_STATEMENT) {
            List<ImportedMovie> rows = movies.subList(from, Math.min(movies.size(), from + ROWS_PER_STATEMENT));
            List<Object> params = new ArrayList<>(rows.size() * 11 + 1);
            params.add(rows.stream().map(movie -> movie.event().tmdbId()).toArray(Integer[]::new));
            for (ImportedMovie movie : rows) {
                MovieImported event = movie.event();
                RecordColumns columns = RecordColumns.of(event.tmdbId(), event.tmdbData());
                params.add(new SqlParameterValue(Types.INTEGER, event.tmdbId()));
                params.add(new SqlParameterValue(Types.VARCHAR, event.imdbId()));
                params.add(new SqlParameterValue(Types.VARCHAR, event.title()));
                params.add(new SqlParameterValue(Types.DATE, event.releaseDate()));
                params.add(new SqlParameterValue(Types.INTEGER, event.year()));
                params.add(new SqlParameterValue(Types.DOUBLE, columns.popularity()));
                params.add(new SqlParameterValue(Types.INTEGER, columns.voteCount()));
                params.add(new SqlParameterValue(Types.INTEGER, columns.runtime()));
                params.add(new SqlParameterValue(Types.VARCHAR, columns.originalLanguage()));
                params.add(record(event.tmdbData()));
                params.add(new SqlParameterValue(Types.TIMESTAMP_WITH_TIMEZONE,
                        OffsetDateTime.ofInstant(movie.at(), ZoneOffset.UTC)));
            }
            String values = String.join(",", Collections.nCopies(rows.size(), ROW));
            // Every CTE sees the table as it was before the statement: "previous" holds the years the rows had.
            changes.addAll(jdbc.sql("""
                            WITH previous AS (
                                SELECT year FROM movies WHERE tmdb_id = ANY (CAST(? AS int[]))),
                            upserted AS (
                                INSERT INTO movies (tmdb_id, imdb_id, title, release_date, year, popularity, vote_count,
                                                    runtime, original_language, tmdb_data, imported_at)
                                SELECT id, imdb_id, title, release_date,
                                       COALESCE(year, EXTRACT(YEAR FROM release_date)::int), popularity, vote_count,
                                       runtime, original_language, data, at
                                  FROM (VALUES %s) AS movie (id, imdb_id, title, release_date, year, popularity,
                                                             vote_count, runtime, original_language, data, at)
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
                             GROUP BY year"""
                            .formatted(values))
                    .params(params)
                    .query((rs, row) -> new YearChange((Integer) rs.getObject("year"), rs.getInt("change")))
                    .list());
        }
        Map<Integer, Integer> byYear = new HashMap<>();
        long imported = 0;
        for (YearChange change : changes) {
            // A movie of no year (no release date, found outside a year's import) is counted among all only.
            if (change.year() != null) {
                byYear.merge(change.year(), change.movies(), Integer::sum);
            }
            imported += change.movies();
        }
        yearCounts().add(byYear);
        counts().add(IMPORTED, imported);
    }

    /**
     * A TMDb record as a parameter of no declared type, which {@code CAST(? AS json)} types as {@code json}: PostgreSQL
     * reads the text as JSON at once, where a {@code varchar} parameter was first read as {@code varchar}, then
     * written out as text again for the cast ({@code varcharin} and those copies showed in a perf profile of a
     * replay, 2026-12-04).
     */
    private static SqlParameterValue record(String tmdbData) {
        return new SqlParameterValue(Types.OTHER, tmdbData);
    }

    private record ImportedMovie(MovieImported event, Instant at) {
    }

    /** How many movies a batch's statement added to the movies of a year (null: of no year), or took from them. */
    private record YearChange(Integer year, int movies) {
    }
}
