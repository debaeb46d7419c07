package org.cinegraph.query.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * V28 on a database imported before it: the counts of {@code GET /api/import/state} start from the rows there
 * are, live and in the copies of a rebuild under way, as the projections would have counted them.
 */
class OutcomeCountsMigrationTest {

    @Test
    void theCountsStartFromTheRowsImportedBeforeLiveAndInARebuildsCopies() throws IOException {
        try (MigratedDatabase migrated = MigratedDatabase.upTo("25")) {
            JdbcClient jdbc = migrated.jdbc();
            jdbc.sql("""
                    INSERT INTO movies (tmdb_id, title, year, tmdb_data, imported_at)
                    VALUES (1, 'A', 2024, '{}', now()), (2, 'B', NULL, '{}', now()), (3, 'C', 2023, '{}', now())""")
                    .update();
            jdbc.sql("""
                    INSERT INTO skipped_imports (tmdb_id, title, year, source, reason, criteria_failed, skipped_at)
                    VALUES (11, 'S', 2024, 'year_import', 'quality_filter', '{has_poster}', now()),
                           (12, 'T', NULL, 'list:canon', 'quality_filter', '{}', now())""").update();
            // Failed and nothing since (21, from two sources: once); failed, then imported (1) or skipped (11) by
            // another source; a nomination no movie matched (no TMDb id).
            jdbc.sql("""
                    INSERT INTO import_failures (source, subject, tmdb_id, reason, retry_count, last_attempt_at)
                    VALUES ('year_import', '21', 21, 'not_found', 0, now()),
                           ('list:canon', '21', 21, 'not_found', 1, now()),
                           ('year_import', '1', 1, 'http_error', 0, now()),
                           ('festival:AMPAS', '11', 11, 'http_error', 0, now()),
                           ('festival:AMPAS', '2024|Best Picture|x', NULL, 'no_tmdb_match', 0, now())""").update();
            // A rebuild of the movies under way, two movies into its copy, whose indexes have the live ones' names as
            // RebuildTables gives them back.
            jdbc.sql("CREATE TABLE projection_rebuild.movies (LIKE movies INCLUDING ALL)").update();
            jdbc.sql("ALTER INDEX projection_rebuild.movies_popularity_tmdb_id_idx RENAME TO movies_popularity_idx")
                    .update();
            jdbc.sql("""
                    ALTER INDEX projection_rebuild.movies_year_popularity_tmdb_id_idx
                    RENAME TO movies_year_popularity_idx""").update();
            jdbc.sql("INSERT INTO projection_rebuild.movies SELECT * FROM movies WHERE tmdb_id < 3").update();

            migrated.migrateToLatest();

            assertThat(rows(jdbc, "movie_counts")).containsExactly("(imported,3)");
            assertThat(rows(jdbc, "skipped_import_counts")).containsExactly("(skipped,2)");
            assertThat(rows(jdbc, "failed_movies")).containsExactly("(21)");
            assertThat(rows(jdbc, "import_failure_counts")).containsExactly("(failed,1)");
            assertThat(rows(jdbc, "import_state_counts")).isEmpty();
            assertThat(rows(jdbc, "projection_rebuild.movie_counts")).containsExactly("(imported,2)");
            assertThat(columns(jdbc, "projection_rebuild", "movies")).as("the copy has the live table's columns")
                    .isEqualTo(columns(jdbc, "public", "movies"))
                    .contains("removed_from_tmdb_at timestamp with time zone");
            assertThat(indexes(jdbc, "projection_rebuild")).as("and its indexes, under their names")
                    .isEqualTo(indexes(jdbc, "public"))
                    .anyMatch(index -> index.startsWith("movies_removed_popularity_idx "))
                    .anyMatch(index -> index.startsWith("movies_removed_year_popularity_idx "));
            assertThat(jdbc.sql("SELECT obj_description('projection_rebuild.movie_counts'::regclass, 'pg_class')")
                    .query(String.class).single()).startsWith("kind: projection | owner: query-side movies");
            assertThat(jdbc.sql("SELECT to_regclass('projection_rebuild.skipped_import_counts') IS NULL")
                    .query(Boolean.class).single()).as("no rebuild of the skipped imports under way").isTrue();
        }
    }

    private static List<String> rows(JdbcClient jdbc, String table) {
        return jdbc.sql("SELECT CAST(t AS text) FROM " + table + " t ORDER BY 1").query(String.class).list();
    }

    /** The indexes of {@code movies} in the schema, each by its name and its definition from USING on. */
    private static List<String> indexes(JdbcClient jdbc, String schema) {
        return jdbc.sql("""
                        SELECT indexname || ' ' || substring(indexdef FROM ' USING .*') FROM pg_indexes
                         WHERE schemaname = :schema AND tablename = 'movies' ORDER BY indexname""")
                .param("schema", schema).query(String.class).list();
    }

    private static List<String> columns(JdbcClient jdbc, String schema, String table) {
        return jdbc.sql("""
                        SELECT column_name || ' ' || data_type FROM information_schema.columns
                         WHERE table_schema = :schema AND table_name = :table ORDER BY ordinal_position""")
                .param("schema", schema).param("table", table).query(String.class).list();
    }
}
