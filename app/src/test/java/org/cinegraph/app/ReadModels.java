package org.cinegraph.app;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What the read side holds and answers, captured so that a rebuild can be compared with it exactly. */
final class ReadModels {

    /** Every table a projection owns, by projection. */
    static final Map<String, List<String>> TABLES = Map.of(
            "year-progress", List.of("year_progress", "year_progress_movie", "year_progress_page"),
            "import-state", List.of("import_state", "import_state_counts", "import_state_removal"),
            "movies", List.of("movies", "movie_year_counts", "movie_counts"),
            "skipped-imports", List.of("skipped_imports", "skipped_import_counts"),
            "import-failures", List.of("import_failures", "failed_movies", "import_failure_counts"),
            "festivals", List.of("festival_organizations", "festival_ceremonies", "festival_categories",
                    "festival_nominations"),
            "lists", List.of("canonical_lists", "canonical_list_members"),
            "health-alerts", List.of("health_alerts"));

    /** The read endpoints whose answers a replay must not change by a single byte. */
    static final List<String> ENDPOINTS = List.of("/api/import/state", "/api/import/years",
            "/api/movies?limit=500", "/api/import/skipped?limit=500", "/api/import/failures?limit=500",
            "/api/festivals", "/api/festivals/AMPAS/ceremonies", "/api/festivals/AMPAS/ceremonies/2024", "/api/lists",
            "/api/lists/replayed?limit=500");

    private ReadModels() {
    }

    /** Each endpoint's answer, plus the full TMDb record of a few movies. */
    static Map<String, String> answers(Function<String, String> get, List<Integer> movieIds) {
        Map<String, String> answers = new LinkedHashMap<>();
        ENDPOINTS.forEach(path -> answers.put(path, get.apply(path)));
        movieIds.forEach(id -> answers.put("/api/movies/" + id, get.apply("/api/movies/" + id)));
        return answers;
    }

    /**
     * Counts a commit in {@code read_model_versions}, as a projection does with its rows: a test that writes the read
     * models with SQL, behind the projections, calls it after, so the answers kept in memory are read again.
     */
    static void writtenBehindTheProjections(JdbcClient jdbc) {
        jdbc.sql("""
                        INSERT INTO read_model_versions AS v (projection, writer, version) VALUES ('test', 0, 1)
                        ON CONFLICT (projection, writer) DO UPDATE SET version = v.version + 1""").update();
    }

    /** Every row of every projection table, in a stable order, as text. */
    static Map<String, List<String>> rows(JdbcClient jdbc) {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        TABLES.values().stream().flatMap(List::stream).sorted().forEach(table -> rows.put(table,
                jdbc.sql("SELECT t::text FROM " + table + " t ORDER BY t::text").query(String.class).list()));
        return rows;
    }

    /** The definition of every index of the projection tables, with its name. */
    static List<String> indexes(JdbcClient jdbc) {
        return jdbc.sql("""
                        SELECT indexdef FROM pg_indexes
                         WHERE schemaname = current_schema() AND tablename = ANY(:tables) ORDER BY indexname""")
                .param("tables", TABLES.values().stream().flatMap(List::stream).toArray(String[]::new))
                .query(String.class).list();
    }
}
