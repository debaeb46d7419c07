package org.cinegraph.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.cinegraph.command.quality.QualityFilter;
import org.cinegraph.sandbox.TmdbSandboxServer;
import org.cinegraph.sandbox.catalogue.SandboxCatalogue;
import org.cinegraph.sandbox.tmdb.MovieDetailsJson;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A replay on two nodes sharing one database: both stop writing the live tables, the rebuild happens once,
 * events that arrive meanwhile land in the rebuilt tables, and both nodes carry on afterwards. The years hold
 * hundreds of movies, imported, skipped and failed, so that every table compared has rows, each one known from
 * the sandbox's catalogue.
 */
class TwoNodesReplayTest {

    /** Imported before the replay. */
    private static final int FIRST = 2012;
    private static final int FIRST_MOVIES = 400;
    /** Imported while the projections rebuild. */
    private static final int SECOND = 2011;
    private static final int SECOND_MOVIES = 300;
    /** Movies of each year that TMDb lists but no longer has, so that each year has failures to rebuild too. */
    private static final int GONE_PER_YEAR = 4;

    @Test
    void aReplayAskedOfOneNodeIsCarriedOutByBothWithNothingLost() throws Exception {
        try (EmbeddedPostgres database = EmbeddedPostgres.builder().start();
             RunningApp one = node(database);
             RunningApp two = node(database)) {
            JdbcClient jdbc = JdbcClient.create(database.getPostgresDatabase());
            SandboxCatalogue catalogue = sandbox(one).catalogue();
            assertThat(sandbox(two).catalogue().movieIds(FIRST)).as("both nodes read the same TMDb")
                    .isEqualTo(catalogue.movieIds(FIRST));
            Set<Integer> gone = catalogue.movieIds(FIRST).stream().limit(GONE_PER_YEAR).collect(Collectors.toSet());
            catalogue.movieIds(SECOND).stream().limit(GONE_PER_YEAR).forEach(gone::add);
            // Whichever node imports a year, it finds the same movies gone.
            for (RunningApp node : List.of(one, two)) {
                sandbox(node).faults().deletedAfterDiscovery(gone);
            }
            QualityFilter quality = one.context().getBean(QualityFilter.class);

            assertThat(one.postAsAdmin("/api/admin/imports/years/" + FIRST).statusCode()).isEqualTo(202);
            awaitCompleted(jdbc, FIRST);
            assertRowsAre(jdbc, FIRST, Outcomes.expected(catalogue, FIRST, gone, quality));
            Map<String, List<String>> before = rowsOf(jdbc, FIRST);
            assertThat(before).as("the year's rows in every table").allSatisfy((table, rows) ->
                    assertThat(rows).as(table).isNotEmpty());

            for (String projection : ReadModels.TABLES.keySet()) {
                assertThat(two.postAsAdmin("/api/admin/projections/" + projection + "/replay").statusCode())
                        .as(projection).isEqualTo(202);
            }
            // Events keep coming while the projections rebuild.
            assertThat(one.postAsAdmin("/api/admin/imports/years/" + SECOND).statusCode()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(90)).until(() -> two.json(two.get("/api/projections"))
                    .findValuesAsText("state").stream().allMatch("completed"::equals));
            awaitCompleted(jdbc, SECOND);

            assertSameRows(rowsOf(jdbc, FIRST), before, "the year imported before the replay");
            assertRowsAre(jdbc, SECOND, Outcomes.expected(catalogue, SECOND, gone, quality));
            JsonNode progress = two.json(two.get("/api/import/years/" + SECOND));
            assertThat(count(jdbc, "movies", SECOND)).isEqualTo(progress.get("imported").asLong());
            assertThat(count(jdbc, "skipped_imports", SECOND)).isEqualTo(progress.get("skipped").asLong());
            assertThat(count(jdbc, "import_failures", SECOND)).isEqualTo(progress.get("failed").asLong());
            assertThat(progress.get("discovered").asInt()).isEqualTo(SECOND_MOVIES).isEqualTo(
                    progress.get("imported").asInt() + progress.get("skipped").asInt() + progress.get("failed").asInt());
            assertThat(jdbc.sql("SELECT value FROM import_state WHERE key = 'last_completed_year'")
                    .query(String.class).single()).isEqualTo(Integer.toString(SECOND));
            assertThat(jdbc.sql("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'projection_rebuild'")
                    .query(Long.class).single()).as("no copy is left behind").isZero();
            // The node that loaded a projection starts its processor when the load has let go of its segments,
            // which may be a moment after another node swapped the rebuilt tables in.
            for (RunningApp node : List.of(one, two)) {
                await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(node.context()
                        .getBean(EventProcessingConfiguration.class).eventProcessors().values())
                        .as("every processor runs again on every node").allMatch(EventProcessor::isRunning));
            }
        }
    }

    /** What the catalogue's movies of a year come to: the gone ones fail, the others go through the quality filter. */
    private record Outcomes(Set<Integer> imported, Set<Integer> skipped, Set<Integer> failed) {

        static Outcomes expected(SandboxCatalogue catalogue, int year, Set<Integer> gone, QualityFilter quality) {
            ObjectMapper json = new ObjectMapper();
            Set<Integer> imported = new TreeSet<>();
            Set<Integer> skipped = new TreeSet<>();
            Set<Integer> failed = new TreeSet<>();
            for (int id : catalogue.movieIds(year)) {
                if (gone.contains(id)) {
                    failed.add(id);
                } else if (passes(quality, json,
                        MovieDetailsJson.withEverySection(catalogue, catalogue.movie(id).orElseThrow()))) {
                    imported.add(id);
                } else {
                    skipped.add(id);
                }
            }
            return new Outcomes(imported, skipped, failed);
        }

        int discovered() {
            return imported.size() + skipped.size() + failed.size();
        }

        private static boolean passes(QualityFilter quality, ObjectMapper json, String details) {
            try {
                return quality.judge(json.readTree(details)).passes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Each table holds exactly the year's movies it should, none missing, none extra; and the counts agree. */
    private static void assertRowsAre(JdbcClient jdbc, int year, Outcomes expected) {
        assertThat(expected.imported()).as("movies of %s to import", year).isNotEmpty();
        assertThat(expected.skipped()).as("movies of %s to skip", year).isNotEmpty();
        assertThat(expected.failed()).as("movies of %s to fail", year).hasSize(GONE_PER_YEAR);
        assertThat(ids(jdbc, "movies", year)).as("movies of %s", year).isEqualTo(expected.imported());
        assertThat(ids(jdbc, "skipped_imports", year)).as("skipped imports of %s", year).isEqualTo(expected.skipped());
        assertThat(ids(jdbc, "import_failures", year)).as("import failures of %s", year).isEqualTo(expected.failed());
        assertThat(jdbc.sql("""
                        SELECT discovered, imported, skipped, failed, pages_total, pages_done FROM year_progress
                         WHERE year = :year AND status = 'completed'""")
                .param("year", year).query().singleRow()).as("the progress of %s", year).isEqualTo(Map.of(
                        "discovered", expected.discovered(),
                        // TMDb's 20 movies a page, each page counted once however many nodes there are
                        "pages_total", (expected.discovered() + 19) / 20,
                        "pages_done", (expected.discovered() + 19) / 20,
                        "imported", expected.imported().size(),
                        "skipped", expected.skipped().size(),
                        "failed", expected.failed().size()));
        assertThat(jdbc.sql("""
                        SELECT outcome, count(*)::int AS movies FROM year_progress_movie
                         WHERE year = :year GROUP BY outcome""")
                .param("year", year).query((row, number) -> Map.entry(row.getString("outcome"), row.getInt("movies")))
                .list()).as("the movies of the progress of %s", year).containsExactlyInAnyOrder(
                        Map.entry("imported", expected.imported().size()),
                        Map.entry("skipped", expected.skipped().size()),
                        Map.entry("failed", expected.failed().size()));
    }

    private static Set<Integer> ids(JdbcClient jdbc, String table, int year) {
        return new TreeSet<>(jdbc.sql("SELECT tmdb_id FROM " + table + " WHERE year = :year").param("year", year)
                .query(Integer.class).list());
    }

    /** The year completed and every projection has applied all of its events. */
    private static void awaitCompleted(JdbcClient jdbc, int year) {
        await().atMost(Duration.ofSeconds(90)).until(() -> jdbc.sql("""
                        SELECT count(*) FROM year_progress p
                         WHERE p.year = :year AND p.status = 'completed'
                           AND (SELECT count(*) FROM movies m WHERE m.year = :year) = p.imported
                           AND (SELECT count(*) FROM skipped_imports s WHERE s.year = :year) = p.skipped
                           AND (SELECT count(*) FROM import_failures f WHERE f.year = :year) = p.failed""")
                .param("year", year).query(Long.class).single() == 1);
    }

    private static long count(JdbcClient jdbc, String table, int year) {
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE year = :year").param("year", year)
                .query(Long.class).single();
    }

    /** Names only the rows that differ: a whole table of TMDb records would bury them. */
    private static void assertSameRows(Map<String, List<String>> actual, Map<String, List<String>> expected,
                                       String what) {
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        expected.forEach((table, rows) -> {
            List<String> missing = rows.stream().filter(row -> !actual.get(table).contains(row)).toList();
            List<String> unexpected = actual.get(table).stream().filter(row -> !rows.contains(row)).toList();
            assertThat(missing).as("%s: rows of %s lost", what, table).isEmpty();
            assertThat(unexpected).as("%s: rows of %s that were not there", what, table).isEmpty();
            assertThat(actual.get(table)).as("%s: rows of %s", what, table).hasSameSizeAs(rows);
        });
    }

    /** The year's rows in every projection table that is keyed by year. */
    private static Map<String, List<String>> rowsOf(JdbcClient jdbc, int year) {
        return Map.of(
                "year_progress", rows(jdbc, "year_progress", year),
                "year_progress_movie", rows(jdbc, "year_progress_movie", year),
                "year_progress_page", rows(jdbc, "year_progress_page", year),
                "movies", rows(jdbc, "movies", year),
                "skipped_imports", rows(jdbc, "skipped_imports", year),
                "import_failures", rows(jdbc, "import_failures", year));
    }

    private static List<String> rows(JdbcClient jdbc, String table, int year) {
        return jdbc.sql("SELECT t::text FROM " + table + " t WHERE year = :year ORDER BY t::text")
                .param("year", year).query(String.class).list();
    }

    private static TmdbSandboxServer sandbox(RunningApp node) {
        return node.context().getBean(TmdbSandboxServer.class);
    }

    /**
     * Each node runs its own sandbox, of the same two years: hundreds of movies each, read at 100 requests a
     * second, so that the second year takes a few seconds, as long as the replay.
     */
    private static RunningApp node(EmbeddedPostgres database) {
        return RunningApp.start(
                "spring.datasource.url=" + database.getJdbcUrl("postgres", "postgres"),
                "spring.datasource.username=postgres",
                "cinegraph.tmdb.requests-per-second=100",
                "cinegraph.sandbox.movies-per-year." + FIRST + "=" + FIRST_MOVIES,
                "cinegraph.sandbox.movies-per-year." + SECOND + "=" + SECOND_MOVIES);
    }
}
