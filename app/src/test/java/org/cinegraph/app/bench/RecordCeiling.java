package org.cinegraph.app.bench;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What storing the movies' TMDb records costs PostgreSQL alone, as the movies projection must, in the type
 * {@code movies.tmdb_data} has ({@code json} since V33, {@code jsonb} before): one {@code INSERT ... SELECT} of the
 * same records, already in the database as plain text, into a table shaped like {@code movies} (check or parse,
 * compress unless the column is stored whole as since V35, write, index), with no Java and no event in between.
 * Its figures before and after V35 are of different work. That work cannot be avoided by any replay, so it
 * bounds the replay rate: with {@code cores} cores doing nothing else,
 * {@code cores / (share of events that are imported movies x seconds per record)} events per second.
 */
final class RecordCeiling {

    private RecordCeiling() {
    }

    /** @param type the type the records were stored as */
    record Result(String type, long records, double seconds, double microsPerRecord, double eventsPerSecondCeiling) {
    }

    static Result measure(JdbcClient jdbc, long events, int cores) {
        String type = jdbc.sql("""
                        SELECT format_type(atttypid, atttypmod) FROM pg_attribute
                         WHERE attrelid = to_regclass('movies') AND attname = 'tmdb_data'""")
                .query(String.class).single();
        jdbc.sql("DROP TABLE IF EXISTS bench_record_text, bench_record_ceiling").update();
        try {
            jdbc.sql("CREATE TABLE bench_record_text (tmdb_id integer, record text)").update();
            // Stored uncompressed, so reading it back costs next to nothing.
            jdbc.sql("ALTER TABLE bench_record_text ALTER COLUMN record SET STORAGE EXTERNAL").update();
            jdbc.sql("INSERT INTO bench_record_text SELECT tmdb_id, CAST(tmdb_data AS text) FROM movies").update();
            jdbc.sql("CREATE TABLE bench_record_ceiling (LIKE movies INCLUDING ALL)").update();
            long start = System.nanoTime();
            long records = jdbc.sql("""
                            INSERT INTO bench_record_ceiling (tmdb_id, tmdb_data, imported_at)
                            SELECT tmdb_id, CAST(record AS %s), now() FROM bench_record_text""".formatted(type))
                    .update();
            double seconds = (System.nanoTime() - start) / 1e9;
            double perRecord = records == 0 ? 0 : seconds / records;
            double ceiling = perRecord == 0 ? Double.POSITIVE_INFINITY : cores / (perRecord * records / events);
            return new Result(type, records, seconds, perRecord * 1e6, ceiling);
        } finally {
            jdbc.sql("DROP TABLE IF EXISTS bench_record_text, bench_record_ceiling").update();
        }
    }
}
