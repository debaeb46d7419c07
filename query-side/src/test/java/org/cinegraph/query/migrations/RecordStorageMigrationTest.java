package org.cinegraph.query.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * V35 on a database with movies: the TMDb records written from then on are stored whole, not compressed, live and
 * in the copies of a rebuild under way, and copies made later take the same storage; those written before stay as
 * they are and read the same.
 */
class RecordStorageMigrationTest {

    /** A record PostgreSQL compresses by default: 8 KB of JSON, most of it one repeated word. */
    private static final String RECORD = "'{\"id\": %d, \"overview\": \"' || repeat('word ', 1600) || '\"}'";

    @Test
    void recordsWrittenAfterItAreStoredWholeLiveAndInARebuildsCopies() throws IOException {
        try (MigratedDatabase migrated = MigratedDatabase.upTo("34")) {
            JdbcClient jdbc = migrated.jdbc();
            insertMovie(jdbc, "movies", 1);
            // A rebuild of the movies under way, and the shape a node keeps of the table (RebuildTables).
            jdbc.sql("CREATE TABLE projection_rebuild.movies (LIKE movies INCLUDING ALL)").update();
            jdbc.sql("CREATE TABLE projection_shape.movies (LIKE movies INCLUDING ALL)").update();
            insertMovie(jdbc, "projection_rebuild.movies", 1);
            assertThat(compression(jdbc, "movies", 1)).as("before V35").isEqualTo("pglz");

            migrated.migrateToLatest();

            insertMovie(jdbc, "movies", 2);
            insertMovie(jdbc, "projection_rebuild.movies", 2);
            assertThat(compression(jdbc, "movies", 2)).as("a record written after V35 is not compressed")
                    .isEqualTo("none");
            assertThat(compression(jdbc, "projection_rebuild.movies", 2)).as("nor in a rebuild's copy")
                    .isEqualTo("none");
            assertThat(compression(jdbc, "movies", 1)).as("one written before stays as it was").isEqualTo("pglz");
            assertThat(compression(jdbc, "projection_rebuild.movies", 1)).as("in the copy too").isEqualTo("pglz");
            jdbc.sql("CREATE TABLE projection_rebuild.movies_later (LIKE movies INCLUDING ALL)").update();
            assertThat(jdbc.sql("SELECT count(DISTINCT CAST(tmdb_data AS jsonb) - 'id') FROM movies")
                    .query(Integer.class).single()).as("both read the same").isEqualTo(1);
            for (String table : new String[] {"movies", "projection_rebuild.movies", "projection_shape.movies",
                    "projection_rebuild.movies_later"}) {
                assertThat(jdbc.sql("""
                                SELECT attstorage FROM pg_attribute
                                 WHERE attrelid = to_regclass(:table) AND attname = 'tmdb_data'""")
                        .param("table", table).query(String.class).single()).as(table).isEqualTo("e");
            }
        }
    }

    private static void insertMovie(JdbcClient jdbc, String table, int tmdbId) {
        jdbc.sql("INSERT INTO " + table + " (tmdb_id, title, year, tmdb_data, imported_at) VALUES (" + tmdbId
                + ", 'A', 2024, CAST(" + RECORD.formatted(tmdbId) + " AS json), now())").update();
    }

    private static String compression(JdbcClient jdbc, String table, int tmdbId) {
        return jdbc.sql("SELECT coalesce(pg_column_compression(tmdb_data), 'none') FROM " + table
                        + " WHERE tmdb_id = :id")
                .param("id", tmdbId).query(String.class).single();
    }
}
