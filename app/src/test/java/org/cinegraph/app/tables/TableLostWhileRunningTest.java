package org.cinegraph.app.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.cinegraph.app.ApplicationTest;
import org.cinegraph.command.tables.DerivedTables;
import org.cinegraph.kernel.tables.TableDefinition;
import org.cinegraph.kernel.tables.TableDefinitions;
import org.cinegraph.kernel.tables.TableKind;
import org.cinegraph.sandbox.TmdbSandboxServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * A table lost on a running node: what needs it fails cleanly (problem details naming it, nothing recorded), the
 * health turns {@code error} naming it, {@code GET /api/admin/tables} shows it missing, and its rebuild brings back
 * exactly the rows it held. An application of its own: it drops tables the other test classes read, and imports
 * years they import.
 */
@ApplicationTest
@TestPropertySource(properties = "cinegraph.data-dir=target/test-data/tables-lost-${random.uuid}")
class TableLostWhileRunningTest {

    private static final int YEAR = Year.now(ZoneOffset.UTC).getValue() - 2;
    /** Columns of a claim, which a rebuilt row leaves free for a node to claim again. */
    private static final List<String> CLAIM_COLUMNS = List.of("owner", "lease_until", "progressed_at");
    private static boolean imported;

    @Autowired
    private TestRestTemplate http;
    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private DerivedTables derived;
    @Autowired
    private TmdbSandboxServer tmdb;

    @BeforeEach
    void aYearImported() {
        if (!imported) {
            imported = true;
            assertThat(admin().postForEntity("/api/admin/imports/years/" + YEAR, null, String.class).getStatusCode())
                    .isEqualTo(HttpStatus.ACCEPTED);
            await().atMost(Duration.ofSeconds(90)).until(() -> "completed".equals(
                    http.getForObject("/api/import/years/" + YEAR, JsonNode.class).path("status").asText()));
        }
    }

    @Test
    void everyTableIsListedWithItsKindOwnerRowsAndState() {
        JsonNode tables = admin().getForObject("/api/admin/tables", JsonNode.class);

        List<String> names = new ArrayList<>();
        tables.forEach(table -> names.add(table.path("name").asText()));
        assertThat(names).containsExactlyElementsOf(
                TableDefinitions.bundled().all().stream().map(TableDefinition::name).toList());
        assertThat(tables).allSatisfy(table -> {
            assertThat(table.path("state").asText()).isEqualTo("present");
            assertThat(table.path("kind").asText()).isIn("event store", "projection", "derived", "coordination");
            assertThat(table.path("owner").asText()).isNotBlank();
            assertThat(table.path("comesBack").asText()).isNotBlank();
        });
        JsonNode movies = find(tables, "movies");
        assertThat(movies.path("projection").asText()).isEqualTo("movies");
        assertThat(movies.path("rows").asLong()).isEqualTo(
                jdbc.sql("SELECT count(*) FROM movies").query(Long.class).single()).isPositive();
        assertThat(http.getForEntity("/api/admin/tables", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void theEventStoreIsNotRebuildableAndAnUnknownTableIsNotFound() {
        assertThat(admin().postForEntity("/api/admin/tables/domain_event_entry/rebuild", null, JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(admin().postForEntity("/api/admin/tables/no_such_table/rebuild", null, JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(admin().postForEntity("/api/admin/tables/flyway_schema_history/rebuild", null, JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aYearStartedWhileItsLedgerIsMissingFailsCleanlyAndRecordsNothing() {
        long events = events();
        jdbc.sql("DROP TABLE import_ledger_year").update();
        try {
            ResponseEntity<JsonNode> refused = admin().postForEntity("/api/admin/imports/years/" + (YEAR - 1), null,
                    JsonNode.class);

            assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(refused.getBody().path("detail").asText()).contains("import_ledger_year");
            assertThat(events()).as("nothing recorded").isEqualTo(events);
        } finally {
            rebuild("import_ledger_year");
        }
        assertThat(admin().postForEntity("/api/admin/imports/years/" + (YEAR - 1), null, String.class)
                .getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        await().atMost(Duration.ofSeconds(90)).until(() -> "completed".equals(
                http.getForObject("/api/import/years/" + (YEAR - 1), JsonNode.class).path("status").asText()));
    }

    @Test
    void aYearWhoseOutcomeLedgerIsLostMidImportStopsCleanlyAndFinishesExactlyOnceAfterTheRebuild() {
        // A year of the sandbox's catalogue that no other test of this class imports.
        int year = YEAR + 1;
        tmdb.faults().latency(Duration.ofMillis(40));
        try {
            assertThat(admin().postForEntity("/api/admin/imports/years/" + year, null, String.class).getStatusCode())
                    .isEqualTo(HttpStatus.ACCEPTED);
            await().atMost(Duration.ofSeconds(60)).until(() -> outcomeEvents(year) >= 20);
            jdbc.sql("DROP TABLE import_ledger_outcome").update();
            // The job's next write fails and rolls back whole; it stops and lets the year go.
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                long seen = outcomeEvents(year);
                Thread.sleep(1500);
                return outcomeEvents(year) == seen;
            });
            assertThat(http.getForObject("/api/sync/health", JsonNode.class).path("message").asText())
                    .contains("Table import_ledger_outcome is missing");
            assertThat(http.getForObject("/api/import/years/" + year, JsonNode.class).path("status").asText())
                    .isEqualTo("importing");
        } finally {
            tmdb.faults().reset();
        }

        rebuild("import_ledger_outcome");

        await().atMost(Duration.ofSeconds(90)).until(() -> "completed".equals(
                http.getForObject("/api/import/years/" + year, JsonNode.class).path("status").asText()));
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM (
                            SELECT convert_from(payload, 'UTF8')::jsonb ->> 'tmdbId' FROM domain_event_entry
                             WHERE payload_type IN ('org.cinegraph.events.MovieImported',
                                                    'org.cinegraph.events.MovieSkipped')
                             GROUP BY 1 HAVING count(*) > 1) AS twice""").query(Long.class).single())
                .as("movies recorded twice").isZero();
        JsonNode progress = http.getForObject("/api/import/years/" + year, JsonNode.class);
        assertThat(progress.path("discovered").asInt()).isPositive().isEqualTo(progress.path("imported").asInt()
                + progress.path("skipped").asInt() + progress.path("failed").asInt());
    }

    @Test
    void aDerivedTableEmptiedWhileRunningTurnsTheHealthToErrorUntilItIsRebuilt() {
        List<String> before = rows("import_ledger_year");
        assertThat(before).isNotEmpty();
        jdbc.sql("DELETE FROM import_ledger_year").update();

        JsonNode health = http.getForObject("/api/sync/health", JsonNode.class);
        assertThat(health.path("status").asText()).isEqualTo("error");
        assertThat(health.path("message").asText()).contains("Table import_ledger_year has lost rows");

        rebuild("import_ledger_year");
        assertThat(rows("import_ledger_year")).isEqualTo(before);
        assertThat(http.getForObject("/api/sync/health", JsonNode.class).path("status").asText())
                .isNotEqualTo("error");
    }

    @Test
    void eachDerivedTableDroppedAloneIsNamedByTheHealthAndRebuiltToExactlyItsRows() {
        List<String> tables = TableDefinitions.bundled().all().stream()
                .filter(table -> table.kind() == TableKind.DERIVED).map(TableDefinition::name).toList();
        assertThat(derived.names()).as("every derived table can be rebuilt").containsExactlyInAnyOrderElementsOf(tables);
        for (String table : tables) {
            List<String> before = rows(table);
            jdbc.sql("DROP TABLE " + table).update();

            JsonNode health = http.getForObject("/api/sync/health", JsonNode.class);
            assertThat(health.path("status").asText()).as(table).isEqualTo("error");
            assertThat(health.path("message").asText()).contains("Table " + table + " is missing");
            assertThat(find(admin().getForObject("/api/admin/tables", JsonNode.class), table).path("state").asText())
                    .isEqualTo("missing");

            rebuild(table);

            assertThat(rows(table)).as(table).isEqualTo(before);
            assertThat(http.getForObject("/api/sync/health", JsonNode.class).path("status").asText()).as(table)
                    .isNotEqualTo("error");
        }
    }

    /** Rebuilds the table through the API and waits until this rebuild, not an earlier one, is recorded. */
    private void rebuild(String table) {
        Instant asked = Instant.now();
        assertThat(admin().postForEntity("/api/admin/tables/" + table + "/rebuild", null, JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        JsonNode last = await().atMost(Duration.ofSeconds(60)).until(
                () -> find(admin().getForObject("/api/admin/tables", JsonNode.class), table),
                status -> "present".equals(status.path("state").asText())
                        && status.path("lastRebuild").hasNonNull("completedAt")
                        && !Instant.parse(status.path("lastRebuild").path("completedAt").asText()).isBefore(asked))
                .path("lastRebuild");
        assertThat(last.path("failure").isNull()).as("the rebuild of %s failed: %s", table, last).isTrue();
    }

    /** The table's rows, in the order of its first column, without the columns of a claim. */
    private List<String> rows(String table) {
        return jdbc.sql("SELECT row_to_json(t)::jsonb AS r FROM " + table + " t ORDER BY 1").query(String.class)
                .list().stream().map(row -> withoutClaims(row)).toList();
    }

    private String withoutClaims(String row) {
        return jdbc.sql("SELECT CAST(:row AS jsonb) - CAST(:claims AS text[])").param("row", row)
                .param("claims", CLAIM_COLUMNS.toArray(String[]::new)).query(String.class).single();
    }

    private long outcomeEvents(int year) {
        return jdbc.sql("""
                        SELECT count(*) FROM domain_event_entry
                         WHERE payload_type IN ('org.cinegraph.events.MovieImported', 'org.cinegraph.events.MovieSkipped',
                                                'org.cinegraph.events.MovieImportFailed')
                           AND (convert_from(payload, 'UTF8')::jsonb ->> 'year')::int = :year""")
                .param("year", year).query(Long.class).single();
    }

    private long events() {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry").query(Long.class).single();
    }

    private static JsonNode find(JsonNode tables, String name) {
        for (JsonNode table : tables) {
            if (table.path("name").asText().equals(name)) {
                return table;
            }
        }
        throw new AssertionError("No table " + name + " in " + tables);
    }

    private TestRestTemplate admin() {
        return http.withBasicAuth("admin", ApplicationTest.ADMIN_PASSWORD);
    }
}
