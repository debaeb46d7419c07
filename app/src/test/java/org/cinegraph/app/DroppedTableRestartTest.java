package org.cinegraph.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.axonframework.common.DateTimeUtils;
import org.cinegraph.kernel.tables.TableDefinition;
import org.cinegraph.kernel.tables.TableDefinitions;
import org.cinegraph.kernel.tables.TableKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The incident drill's other way out: projection tables dropped while the node was down come back at its start. */
class DroppedTableRestartTest {

    @TempDir
    Path dataDir;

    @Test
    void aRestartRebuildsTheProjectionsWhoseTablesAreMissing() throws Exception {
        int year = Year.now(ZoneOffset.UTC).getValue() - 3;
        Map<String, List<String>> before;
        try (RunningApp app = RunningApp.start("cinegraph.data-dir=" + dataDir)) {
            assertThat(app.postAsAdmin("/api/admin/imports/years/" + year).statusCode()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(60)).until(() -> app.json(app.get("/api/projections"))
                    .findValuesAsText("caughtUp").stream().allMatch("true"::equals)
                    && app.json(app.get("/api/import/years/" + year)).get("status").asText().equals("completed"));
            JdbcClient jdbc = JdbcClient.create(app.context().getBean(DataSource.class));
            before = ReadModels.rows(jdbc);
            assertThat(before.get("import_state")).isNotEmpty();
            jdbc.sql("DROP TABLE import_state").update();
            jdbc.sql("DROP TABLE movies").update();
        }

        try (RunningApp app = RunningApp.start("cinegraph.data-dir=" + dataDir)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> app.json(app.get("/api/projections"))
                    .findValuesAsText("caughtUp").stream().allMatch("true"::equals));
            JdbcClient jdbc = JdbcClient.create(app.context().getBean(DataSource.class));
            assertThat(ReadModels.rows(jdbc)).isEqualTo(before);
            assertThat(app.json(app.get("/api/projections")).findValuesAsText("state"))
                    .as("only the projections that lost a table were rebuilt").containsExactlyInAnyOrder(
                            "completed", "completed");
        }
    }

    @Test
    void aNodeStartsWithAProjectionTableMissingAndAnswers503FromItUntilItIsRebuilt() throws Exception {
        try (RunningApp app = RunningApp.start("cinegraph.data-dir=" + dataDir)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> app.json(app.get("/api/projections"))
                    .findValuesAsText("caughtUp").stream().allMatch("true"::equals));
            app.jdbc().sql("DROP TABLE movies").update();
            assertThat(app.get("/api/movies").statusCode()).isEqualTo(503);
            // As far as the next start can tell, another node holds the movies projection's segments: its rebuild
            // waits for them, and the missing table stays missing meanwhile.
            app.jdbc().sql("UPDATE token_entry SET owner = 'another-node', timestamp = :until"
                            + " WHERE processor_name = 'movies'")
                    .param("until", DateTimeUtils.formatInstant(Instant.now().plus(Duration.ofDays(1)))).update();
        }

        try (RunningApp app = RunningApp.start("cinegraph.data-dir=" + dataDir)) {
            HttpResponse<String> missing = app.get("/api/movies?year=2020");
            assertThat(missing.statusCode()).isEqualTo(503);
            assertThat(missing.headers().firstValue("Content-Type")).contains("application/problem+json");
            assertThat(app.json(missing).get("detail").asText()).contains("/api/admin/projections/");
            assertThat(app.get("/api/movies/1").statusCode()).isEqualTo(503);
            assertThat(app.get("/api/import/activity").statusCode()).isEqualTo(503);
            assertThat(app.get("/api/import/state").statusCode()).as("the other read models answer").isEqualTo(200);

            app.jdbc().sql("UPDATE token_entry SET owner = NULL WHERE processor_name = 'movies'").update();

            await().atMost(Duration.ofSeconds(60)).until(() -> app.get("/api/movies").statusCode() == 200);
            assertThat(app.json(app.get("/api/movies?year=2020")).get("total").asInt()).isZero();
        }
    }

    @Test
    void aNodeStartsWithAProjectionTableEmptiedAndRebuildsItExactly() throws Exception {
        Map<String, List<String>> before;
        try (RunningApp app = importedYear()) {
            JdbcClient jdbc = app.jdbc();
            before = ReadModels.rows(jdbc);
            assertThat(before.get("movies")).isNotEmpty();
            jdbc.sql("DELETE FROM movie_year_counts").update();
            jdbc.sql("DELETE FROM movies").update();
        }

        try (RunningApp app = RunningApp.start("cinegraph.data-dir=" + dataDir)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> app.json(app.get("/api/projections"))
                    .findValuesAsText("state").contains("completed") && app.json(app.get("/api/projections"))
                    .findValuesAsText("caughtUp").stream().allMatch("true"::equals));
            assertThat(ReadModels.rows(app.jdbc())).isEqualTo(before);
            assertThat(app.json(app.get("/api/projections")).findValuesAsText("state"))
                    .as("only the projection that lost its rows was rebuilt").containsExactly("completed");
        }
    }

    @Test
    void aNodeStartsWithoutItsTokensAndReplaysEveryProjectionToExactlyItsRows() throws Exception {
        Map<String, List<String>> before;
        try (RunningApp app = importedYear()) {
            before = ReadModels.rows(app.jdbc());
            app.jdbc().sql("DROP TABLE token_entry").update();
        }

        try (RunningApp app = RunningApp.start("cinegraph.data-dir=" + dataDir)) {
            assertThat(ReadModels.rows(app.jdbc())).as("the live tables answer as before while the replays run")
                    .isEqualTo(before);
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                JsonNode projections = app.json(app.get("/api/projections"));
                return projections.findValuesAsText("state").stream().filter("completed"::equals).count()
                        == projections.size() && projections.findValuesAsText("caughtUp").stream()
                        .allMatch("true"::equals);
            });
            assertThat(ReadModels.rows(app.jdbc())).as("every projection replayed")
                    .isEqualTo(before);
            assertThat(app.jdbc().sql("SELECT count(DISTINCT processor_name) FROM token_entry").query(Long.class)
                    .single()).as("every streaming processor has its tokens again")
                    .isEqualTo(app.json(app.get("/api/projections")).size() + 1L);
        }
    }

    @Test
    void aNodeStartsWithItsDerivedTablesEmptiedAndRebuildsThemExactly() throws Exception {
        List<String> derived = TableDefinitions.bundled().all().stream()
                .filter(table -> table.kind() == TableKind.DERIVED).map(TableDefinition::name).toList();
        Map<String, List<String>> before = new LinkedHashMap<>();
        try (RunningApp app = importedYear()) {
            derived.forEach(table -> before.put(table, derivedRows(app.jdbc(), table)));
            assertThat(before.get("import_ledger_outcome")).isNotEmpty();
            assertThat(before.get("import_ledger_change_sync")).hasSize(1);
            derived.forEach(table -> app.jdbc().sql("DELETE FROM " + table).update());
        }

        try (RunningApp app = RunningApp.start("cinegraph.data-dir=" + dataDir)) {
            Map<String, List<String>> after = new LinkedHashMap<>();
            derived.forEach(table -> after.put(table, derivedRows(app.jdbc(), table)));
            assertThat(after).isEqualTo(before);
        }
    }

    /** A derived table's rows, without the columns of a claim, which a rebuilt row leaves to the next node. */
    private static List<String> derivedRows(JdbcClient jdbc, String table) {
        return jdbc.sql("SELECT CAST(row_to_json(t) AS jsonb) - 'owner' - 'lease_until' - 'progressed_at' FROM "
                + table + " t ORDER BY 1").query(String.class).list();
    }

    /** A node of this test's data directory that imported a year, every projection caught up. */
    private RunningApp importedYear() throws Exception {
        int year = Year.now(ZoneOffset.UTC).getValue() - 1;
        RunningApp app = RunningApp.start("cinegraph.data-dir=" + dataDir);
        assertThat(app.postAsAdmin("/api/admin/imports/years/" + year).statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).until(() -> app.json(app.get("/api/projections"))
                .findValuesAsText("caughtUp").stream().allMatch("true"::equals)
                && app.json(app.get("/api/import/years/" + year)).get("status").asText().equals("completed"));
        return app;
    }
}
