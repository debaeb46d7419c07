package org.cinegraph.app.bench;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What storing the movies' TMDb records as {@code jsonb} costs PostgreSQL alone, as the movies projection must:
 * one {@code INSERT ... SELECT} of the same records, already in the database as plain text, into a table shaped
 * like {@code movies} (parse, compress, write, index), with no Java and no event in between. That work cannot
 * be avoided by any replay, so it bounds the replay rate: with {@code cores} cores doing nothing else,
 * {@code cores / (share of events that are imported movies x seconds per record)} events per second.
 */
final class JsonbCeiling {

    private JsonbCeiling() {
    }

    record Result(long records, double seconds, double microsPerRecord, double eventsPerSecondCeiling) {
    }

    static Result measure(JdbcClient jdbc, long events, int cores) {
        jdbc.sql("DROP TABLE IF EXISTS bench_jsonb_text, bench_jsonb_ceiling").update();
        try {
            jdbc.sql("CREATE TABLE bench_jsonb_text (tmdb_id integer, record text)").update();
            // Stored uncompressed, so reading it back costs next to nothing.
            jdbc.sql("ALTER TABLE bench_jsonb_text ALTER COLUMN record SET STORAGE EXTERNAL").update();
            jdbc.sql("INSERT INTO bench_jsonb_text SELECT tmdb_id, CAST(tmdb_data AS text) FROM movies").update();
            jdbc.sql("CREATE TABLE bench_jsonb_ceiling (LIKE movies INCLUDING ALL)").update();
            long start = System.nanoTime();
            long records = jdbc.sql("""
                            INSERT INTO bench_jsonb_ceiling (tmdb_id, tmdb_data, imported_at)
                            SELECT tmdb_id, CAST(record AS jsonb), now() FROM bench_jsonb_text""").update();
            double seconds = (System.nanoTime() - start) / 1e9;
            double perRecord = records == 0 ? 0 : seconds / records;
            double ceiling = perRecord == 0 ? Double.POSITIVE_INFINITY : cores / (perRecord * records / events);
            return new Result(records, seconds, perRecord * 1e6, ceiling);
        } finally {
            jdbc.sql("DROP TABLE IF EXISTS bench_jsonb_text, bench_jsonb_ceiling").update();
        }
    }
}
