package org.cinegraph.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A replay on two nodes sharing one database: both stop writing the live tables, the rebuild happens once,
 * events that arrive meanwhile land in the rebuilt tables, and both nodes carry on afterwards.
 */
class TwoNodesReplayTest {

    @Test
    void aReplayAskedOfOneNodeIsCarriedOutByBothWithNothingLost() throws Exception {
        int first = Year.now(ZoneOffset.UTC).getValue() - 6;
        int second = first - 1;
        try (EmbeddedPostgres database = EmbeddedPostgres.builder().start();
             RunningApp one = node(database);
             RunningApp two = node(database)) {
            JdbcClient jdbc = JdbcClient.create(database.getPostgresDatabase());
            assertThat(one.postAsAdmin("/api/admin/imports/years/" + first).statusCode()).isEqualTo(202);
            awaitCompleted(jdbc, first);
            Map<String, List<String>> before = rowsOf(jdbc, first);

            for (String projection : ReadModels.TABLES.keySet()) {
                assertThat(two.postAsAdmin("/api/admin/projections/" + projection + "/replay").statusCode())
                        .as(projection).isEqualTo(202);
            }
            // Events keep coming while the projections rebuild.
            assertThat(one.postAsAdmin("/api/admin/imports/years/" + second).statusCode()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(90)).until(() -> two.json(two.get("/api/projections"))
                    .findValuesAsText("state").stream().allMatch("completed"::equals));
            awaitCompleted(jdbc, second);

            assertThat(rowsOf(jdbc, first)).as("the year imported before the replay").isEqualTo(before);
            JsonNode progress = two.json(two.get("/api/import/years/" + second));
            assertThat(count(jdbc, "movies", second)).isEqualTo(progress.get("imported").asLong());
            assertThat(count(jdbc, "skipped_imports", second)).isEqualTo(progress.get("skipped").asLong());
            assertThat(progress.get("discovered").asInt()).isEqualTo(progress.get("imported").asInt()
                    + progress.get("skipped").asInt() + progress.get("failed").asInt());
            assertThat(jdbc.sql("SELECT value FROM import_state WHERE key = 'last_completed_year'")
                    .query(String.class).single()).isEqualTo(Integer.toString(second));
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

    /** The year's rows in every projection table that is keyed by year. */
    private static Map<String, List<String>> rowsOf(JdbcClient jdbc, int year) {
        return Map.of(
                "year_progress", rows(jdbc, "year_progress", year),
                "year_progress_movie", rows(jdbc, "year_progress_movie", year),
                "movies", rows(jdbc, "movies", year),
                "skipped_imports", rows(jdbc, "skipped_imports", year),
                "import_failures", rows(jdbc, "import_failures", year));
    }

    private static List<String> rows(JdbcClient jdbc, String table, int year) {
        return jdbc.sql("SELECT t::text FROM " + table + " t WHERE year = :year ORDER BY t::text")
                .param("year", year).query(String.class).list();
    }

    private static RunningApp node(EmbeddedPostgres database) {
        return RunningApp.start(
                "spring.datasource.url=" + database.getJdbcUrl("postgres", "postgres"),
                "spring.datasource.username=postgres");
    }
}
