package org.cinegraph.app.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Fills the read models the dashboard reads straight with SQL, without a single event: only the reads are
 * measured, and a million movies imported through the pipeline would take far longer than the reads. What the
 * projections would have written for {@code movies} movies imported year by year, newest year first, over
 * {@link #YEARS} years (20,000 a year for a million), each year's movies one after another in the table as an
 * import leaves them:
 *
 * <ul>
 *   <li>{@code movies}: one row per movie with every column the projection extracts, popularity skewed as
 *       TMDb's is (most movies near the bottom), and a {@code tmdb_data} record of about 5.5 KB built in SQL,
 *       shaped like TMDb's (credits, keywords, companies) and about as compressible, so it is TOASTed as real
 *       records are, and {@code movie_year_counts}, each year's count of them;</li>
 *   <li>{@code year_progress}: each year completed, 60% of its movies imported, 35% skipped, 5% failed, as
 *       {@link YearImportSeeder} seeds them, its import an hour before the next year's;</li>
 *   <li>the counts {@code GET /api/import/state} adds up: the movies imported ({@code movie_counts}), and the
 *       skipped and failed ones as {@code year_progress} counts them ({@code skipped_import_counts},
 *       {@code import_failure_counts}; their own tables, which no dashboard read measured here lists, stay
 *       empty);</li>
 *   <li>{@code import_state}: TMDb's total, the last page, the last completed year, the last daily run and
 *       update check. No current year (the last one completed cleared it) and no full sync (the range goes
 *       back to 1874).</li>
 * </ul>
 *
 * Rows are inserted with {@code INSERT ... SELECT FROM generate_series}, {@link #CHUNK} per statement, then
 * {@code VACUUM (ANALYZE)} sets the statistics and the visibility map as autovacuum does for an insert-only
 * table (PostgreSQL 13 and later) once an import has run.
 */
final class DashboardReadModelFill {

    static final int YEARS = 50;
    static final int CHUNK = 50_000;
    /** Each year's import took this long, and the next (older) one started an hour after it. */
    private static final Duration YEAR_IMPORT = Duration.ofMinutes(50);
    private static final int MOVIES_PER_PAGE = 20;

    private final JdbcClient jdbc;
    private final Progress progress;

    DashboardReadModelFill(JdbcClient jdbc, Progress progress) {
        this.jdbc = jdbc;
        this.progress = progress;
    }

    /**
     * @param moviesPerYear by year, newest first
     * @param tmdbTotal TMDb's total as {@code import_state} holds it
     * @param meanRecordBytes the mean size of a {@code tmdb_data} record as JSON text
     * @param meanStoredRecordBytes the mean size PostgreSQL stores it in (compressed before V35, whole since)
     * @param moviesTableBytes the {@code movies} table with its TOAST table and indexes
     */
    record Filled(long movies, Map<Integer, Long> moviesPerYear, long tmdbTotal, double seconds,
                  long meanRecordBytes, long meanStoredRecordBytes, long moviesTableBytes) {

        List<Integer> years() {
            return List.copyOf(moviesPerYear.keySet());
        }
    }

    Filled fill(long movies, int newestYear) {
        long start = System.nanoTime();
        long perYear = Math.max(1, (movies + YEARS - 1) / YEARS);
        Instant now = Instant.now();
        for (long from = 1; from <= movies; from += CHUNK) {
            long to = Math.min(movies, from + CHUNK - 1);
            insertMovies(from, to, perYear, newestYear, now);
            progress.say("Filled %,d of %,d movies (%.0f s)", to, movies, (System.nanoTime() - start) / 1e9);
        }
        jdbc.sql("""
                        INSERT INTO movie_year_counts (year, movies)
                        SELECT year, count(*) FROM movies WHERE year IS NOT NULL GROUP BY year""").update();
        jdbc.sql("INSERT INTO movie_counts (counter, movies) SELECT 'imported', count(*) FROM movies").update();
        jdbc.sql("""
                        INSERT INTO year_progress (year, status, trigger, tmdb_total, discovered, imported, skipped,
                                                   failed, pages_total, pages_done, started_at, completed_at,
                                                   last_progress_at)
                        SELECT year, 'completed', CASE WHEN year = :newest THEN 'schedule' ELSE 'continuation' END,
                               discovered, discovered, imported, skipped, failed,
                               (discovered + :perPage - 1) / :perPage, (discovered + :perPage - 1) / :perPage,
                               started, started + make_interval(mins => :took),
                               started + make_interval(mins => :took)
                          FROM (SELECT year, imported, imported * 35 / 60 AS skipped, imported * 5 / 60 AS failed,
                                       imported + imported * 35 / 60 + imported * 5 / 60 AS discovered,
                                       CAST(:now AS timestamptz) - (:newest - year + 1) * interval '1 hour' AS started
                                  FROM (SELECT year, CAST(count(*) AS integer) AS imported
                                          FROM movies GROUP BY year) counted
                               ) years""")
                .param("newest", newestYear).param("perPage", MOVIES_PER_PAGE)
                .param("took", (int) YEAR_IMPORT.toMinutes()).param("now", utc(now))
                .update();
        jdbc.sql("""
                        INSERT INTO skipped_import_counts (counter, movies)
                        SELECT 'skipped', sum(skipped) FROM year_progress""").update();
        jdbc.sql("""
                        INSERT INTO import_failure_counts (counter, movies)
                        SELECT 'failed', sum(failed) FROM year_progress""").update();
        Map<Integer, Long> moviesPerYear = new LinkedHashMap<>();
        jdbc.sql("SELECT year, imported FROM year_progress ORDER BY year DESC")
                .query(rows -> {
                    moviesPerYear.put(rows.getInt("year"), rows.getLong("imported"));
                });
        List<Integer> years = new ArrayList<>(moviesPerYear.keySet());
        int oldest = years.get(years.size() - 1);
        long discovered = jdbc.sql("SELECT sum(discovered) FROM year_progress").query(Long.class).single();
        // TMDb lists more than the years imported so far: those before them.
        long tmdbTotal = discovered + discovered / 10;
        int lastPage = jdbc.sql("SELECT pages_total FROM year_progress WHERE year = :year").param("year", oldest)
                .query(Integer.class).single();
        Instant lastDailyRun = now.minus(Duration.ofHours(newestYear - oldest + 1));
        Map<String, String> state = new LinkedHashMap<>();
        state.put("tmdb_total_movies", Long.toString(tmdbTotal));
        state.put("last_page_processed", Integer.toString(lastPage));
        state.put("last_completed_year", Integer.toString(oldest));
        state.put("last_daily_run", lastDailyRun.toString());
        state.put("last_update_check", lastDailyRun.plus(Duration.ofMinutes(5)).toString());
        long position = 0;
        for (Map.Entry<String, String> key : state.entrySet()) {
            jdbc.sql("""
                            INSERT INTO import_state (key, value, position, updated_at)
                            VALUES (:key, :value, :position, :at)""")
                    .param("key", key.getKey()).param("value", key.getValue()).param("position", ++position)
                    .param("at", utc(now))
                    .update();
        }
        progress.say("Filled year_progress (%d years) and import_state; VACUUM (ANALYZE)", years.size());
        jdbc.sql("VACUUM (ANALYZE) movies, movie_year_counts, year_progress, import_state").update();
        // Written behind the projections: counted as a projection's commit, so no answer kept before is served.
        jdbc.sql("""
                        INSERT INTO read_model_versions AS v (projection, writer, version) VALUES ('bench-fill', 0, 1)
                        ON CONFLICT (projection, writer) DO UPDATE SET version = v.version + 1""").update();
        double seconds = (System.nanoTime() - start) / 1e9;

        long[] sizes = jdbc.sql("""
                        SELECT CAST(avg(octet_length(CAST(tmdb_data AS text))) AS bigint) AS text_bytes,
                               CAST(avg(pg_column_size(tmdb_data)) AS bigint) AS stored_bytes
                          FROM (SELECT tmdb_data FROM movies ORDER BY tmdb_id LIMIT 1000) sample""")
                .query((rows, row) -> new long[] {rows.getLong("text_bytes"), rows.getLong("stored_bytes")})
                .single();
        long tableBytes = jdbc.sql("SELECT pg_total_relation_size('movies')").query(Long.class).single();
        long count = jdbc.sql("SELECT count(*) FROM movies").query(Long.class).single();
        return new Filled(count, moviesPerYear, tmdbTotal, seconds, sizes[0], sizes[1], tableBytes);
    }

    /**
     * Movies {@code from} to {@code to}: movie {@code i} is of year {@code newest - (i - 1) / perYear}, imported
     * during that year's import. The parts of the record that are the same for every movie (credits, keywords,
     * companies) are built once per statement; TOAST compresses each record on its own, so sharing them
     * across rows saves nothing in the table. The hex strings in them compress about as little as names do.
     */
    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private void insertMovies(long from, long to, long perYear, int newest, Instant now) {
        jdbc.sql("""
                        WITH shared AS MATERIALIZED (
                            SELECT jsonb_build_object(
                                'adult', false,
                                'backdrop_path', '/' || md5('backdrop') || '.jpg',
                                'budget', 25000000,
                                'revenue', 98000000,
                                'status', 'Released',
                                'tagline', 'Every picture tells a story, and this one tells yours.',
                                'video', false,
                                'homepage', 'https://example.org/' || md5('homepage'),
                                'genres', (SELECT jsonb_agg(jsonb_build_object('id', g * 7, 'name', 'Genre ' || g))
                                             FROM generate_series(1, 3) g),
                                'production_companies', (SELECT jsonb_agg(jsonb_build_object(
                                        'id', c * 131, 'name', 'Studio ' || md5(c::text),
                                        'logo_path', '/' || md5((c * 3)::text) || '.png', 'origin_country', 'US'))
                                    FROM generate_series(1, 3) c),
                                'production_countries', jsonb_build_array(
                                        jsonb_build_object('iso_3166_1', 'US', 'name', 'United States of America')),
                                'spoken_languages', jsonb_build_array(
                                        jsonb_build_object('iso_639_1', 'en', 'name', 'English',
                                                           'english_name', 'English')),
                                'credits', jsonb_build_object(
                                    'cast', (SELECT jsonb_agg(jsonb_build_object(
                                            'id', k * 1009, 'name', 'Actor ' || left(md5(k::text), 12),
                                            'character', 'Role ' || left(md5((k * 7)::text), 14),
                                            'credit_id', left(md5((k * 13)::text), 24),
                                            'profile_path', '/' || left(md5((k * 17)::text), 27) || '.jpg',
                                            'gender', k % 3, 'order', k - 1, 'popularity', k * 1.37,
                                            'known_for_department', 'Acting'))
                                        FROM generate_series(1, 8) k),
                                    'crew', (SELECT jsonb_agg(jsonb_build_object(
                                            'id', k * 2003, 'name', 'Crew ' || left(md5((k * 5)::text), 12),
                                            'job', (ARRAY['Director', 'Screenplay', 'Producer', 'Editor',
                                                          'Original Music Composer'])[k],
                                            'department', 'Crew', 'credit_id', left(md5((k * 11)::text), 24),
                                            'profile_path', NULL))
                                        FROM generate_series(1, 5) k)),
                                'keywords', jsonb_build_object('keywords', (SELECT jsonb_agg(jsonb_build_object(
                                        'id', k * 307, 'name', 'keyword ' || left(md5((k * 19)::text), 8)))
                                    FROM generate_series(1, 10) k)),
                                'release_dates', jsonb_build_object('results', (SELECT jsonb_agg(jsonb_build_object(
                                        'iso_3166_1', country, 'release_dates', jsonb_build_array(jsonb_build_object(
                                            'certification', 'PG-13', 'type', 3, 'note', ''))))
                                    FROM unnest(ARRAY['US', 'GB', 'FR', 'DE']) country))
                            ) AS data),
                        movie AS (
                            SELECT i, CAST(:newest - (i - 1) / :perYear AS integer) AS year,
                                   CAST((i - 1) % :perYear AS double precision) / :perYear AS into_year,
                                   CAST((i * 2654435761) % 4294967296 AS double precision) / 4294967296 AS draw,
                                   CAST((i * 40503 + 12345) % 65536 AS double precision) / 65536 AS votes_draw
                              FROM generate_series(CAST(:from AS bigint), CAST(:to AS bigint)) i)
                        INSERT INTO movies (tmdb_id, imdb_id, title, release_date, year, popularity, vote_count,
                                            runtime, original_language, tmdb_data, imported_at)
                        SELECT fields.tmdb_id, fields.imdb_id, fields.title, fields.release_date, fields.year,
                               fields.popularity, fields.vote_count, fields.runtime, fields.original_language,
                               CAST(shared.data || jsonb_build_object(
                                   'id', fields.tmdb_id, 'imdb_id', fields.imdb_id, 'title', fields.title,
                                   'original_title', fields.title, 'release_date', fields.release_date,
                                   'popularity', fields.popularity, 'vote_count', fields.vote_count,
                                   'vote_average', round(CAST(4 + 5 * fields.votes_draw AS numeric), 1),
                                   'runtime', fields.runtime, 'original_language', fields.original_language,
                                   'poster_path', '/' || md5(fields.tmdb_id::text) || '.jpg',
                                   'overview', fields.title || ' is the story of ' || md5(fields.tmdb_id::text)
                                       || ', who leaves home in ' || fields.year || ' to look for '
                                       || md5((fields.tmdb_id * 3)::text) || '. ' || repeat('On the way, old friends '
                                       || 'become strangers and strangers become family, until the road runs out. ', 3),
                                   'external_ids', jsonb_build_object('imdb_id', fields.imdb_id,
                                       'wikidata_id', 'Q' || fields.tmdb_id, 'facebook_id', NULL,
                                       'instagram_id', NULL, 'twitter_id', NULL)) AS json),
                               fields.imported_at
                          FROM shared, (
                              SELECT CAST(i AS integer) AS tmdb_id, 'tt' || lpad(i::text, 8, '0') AS imdb_id,
                                     'Benchmark Movie ' || i AS title,
                                     make_date(year, 1, 1) + CAST((i * 37) % 365 AS integer) AS release_date, year,
                                     CAST(round(CAST(0.6 + 600 * power(draw, 6) AS numeric), 3) AS double precision)
                                         AS popularity,
                                     CAST(floor(20000 * power(votes_draw, 4)) AS integer) AS vote_count,
                                     CAST(70 + i % 90 AS integer) AS runtime,
                                     (ARRAY['en', 'fr', 'de', 'ja', 'es', 'it', 'ko', 'hi', 'zh', 'sv'])[1 + i % 10]
                                         AS original_language,
                                     votes_draw,
                                     CAST(:now AS timestamptz) - (:newest - year + 1) * interval '1 hour'
                                         + into_year * make_interval(mins => :took) AS imported_at
                                FROM movie) fields""")
                .param("newest", newest).param("perYear", perYear).param("from", from).param("to", to)
                .param("now", utc(now)).param("took", (int) YEAR_IMPORT.toMinutes())
                .update();
    }
}
