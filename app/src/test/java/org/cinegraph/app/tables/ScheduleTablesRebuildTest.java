package org.cinegraph.app.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.cinegraph.app.ApplicationTest;
import org.cinegraph.app.SandboxChangeFeed;
import org.cinegraph.command.tables.DerivedTables;
import org.cinegraph.events.TakeImportStep;
import org.cinegraph.sandbox.TmdbSandboxServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * The daily import's ledgers rebuilt from the events, to the rows the live code wrote: the ticks handled (one of
 * them fired twice), the range's completions (one undone by a year of the range imported again, and recorded
 * again), and how far the change feed was read (by a sync that stopped in its second window, then by one that
 * completed). Rebuilt emptied and rebuilt dropped, each gives the same rows, {@code GET /api/schedule} answers the
 * same, and the pass goes on from them. An application of its own, with a range of its own: the ticks start years.
 */
@ApplicationTest
@TestPropertySource(properties = {"cinegraph.import.first-year=2001", "cinegraph.import.last-year=2000",
        "cinegraph.import.continuous=false", "cinegraph.sandbox.movies-per-year.2001=200",
        "cinegraph.sandbox.movies-per-year.2000=40"})
@DirtiesContext
class ScheduleTablesRebuildTest {

    /** Each table and the order of its primary key. */
    private static final Map<String, String> TABLES = new LinkedHashMap<>(Map.of(
            "import_ledger_tick", "scheduled_for",
            "import_ledger_full_sync", "first_year, last_year",
            "import_ledger_change_sync", "id"));
    private static final Instant FIRST_TICK = Instant.parse("2026-06-01T02:00:00Z");

    @Autowired
    private CommandGateway commands;
    @Autowired
    private DerivedTables derivedTables;
    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private TestRestTemplate http;
    @Autowired
    private TmdbSandboxServer sandbox;

    @Test
    void theScheduleLedgersRebuildToTheRowsTheLiveCodeWrote() throws Exception {
        tick(0);
        tick(0);
        tick(1);
        awaitEvents("YearImportCompleted", 1);
        tick(2);
        awaitEvents("YearImportCompleted", 2);
        awaitEvents("FullSyncCompleted", 1);
        assertThat(admin().postForEntity("/api/admin/imports/years/2001", null, JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.ACCEPTED);
        awaitEvents("YearImportCompleted", 3);
        awaitEvents("FullSyncCompleted", 2);

        // The catalogue was imported three weeks ago: the sync reads 20 to 7 days ago, then 6 days ago to today,
        // where it stops on a changed movie TMDb answers cut short.
        jdbc.sql("UPDATE import_ledger_outcome SET recorded_at = recorded_at - interval '20 days'").update();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<Integer> earlier = SandboxChangeFeed.changed(sandbox, today.minusDays(20), today.minusDays(7));
        int movie = jdbc.sql("SELECT tmdb_id FROM import_ledger_outcome WHERE outcome = 'imported' ORDER BY tmdb_id")
                .query(Integer.class).list().stream().filter(id -> !earlier.contains(id)).findFirst().orElseThrow();
        sandbox.changes().edit(movie);
        sandbox.faults().malformedDetails(Set.of(movie));
        tick(3);
        awaitEvents("ChangeSyncFailed", 1);
        awaitSyncReleased();
        assertThat(jdbc.sql("SELECT checked_until FROM import_ledger_change_sync").query(LocalDate.class).single())
                .as("read up to the end of its first window").isEqualTo(today.minusDays(7));
        assertRebuildsToTheSameRows();

        sandbox.faults().reset();
        tick(4);
        awaitEvents("ChangeSyncCompleted", 1);
        awaitSyncReleased();
        assertThat(lastSyncStartedFrom()).as("the sync goes on from where the stopped one got to")
                .isEqualTo(today.minusDays(7));
        assertThat(rows("import_ledger_tick")).hasSize(5);
        assertThat(rows("import_ledger_full_sync")).hasSize(1);
        assertRebuildsToTheSameRows();

        // The pass goes on from the rebuilt rows: a tick handled before does nothing, a sync reads on from today, and
        // a year of the range imported again undoes the range's completion until it completes again.
        long triggered = count("ImportTriggered");
        tick(4);
        assertThat(count("ImportTriggered")).isEqualTo(triggered);
        tick(5);
        awaitEvents("ChangeSyncCompleted", 2);
        awaitSyncReleased();
        assertThat(lastSyncStartedFrom()).isEqualTo(today);
        assertThat(admin().postForEntity("/api/admin/imports/years/2000", null, JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.ACCEPTED);
        awaitEvents("YearImportCompleted", 4);
        awaitEvents("FullSyncCompleted", 3);
        assertThat(rows("import_ledger_full_sync")).hasSize(1);
        assertRebuildsToTheSameRows();
    }

    /** Emptied and rebuilt, then dropped and rebuilt: the same rows each time, and the same last run. */
    private void assertRebuildsToTheSameRows() {
        Map<String, List<String>> live = snapshot();
        JsonNode schedule = http.getForObject("/api/schedule", JsonNode.class);
        assertThat(schedule.get("lastRunAt").isTextual()).isTrue();

        derivedTables.rebuild(TABLES.keySet());
        assertThat(snapshot()).isEqualTo(live);
        assertThat(http.getForObject("/api/schedule", JsonNode.class)).isEqualTo(schedule);

        TABLES.keySet().forEach(table -> jdbc.sql("DROP TABLE " + table).update());
        assertThat(derivedTables.rebuild(TABLES.keySet())).containsOnlyKeys(TABLES.keySet());
        assertThat(snapshot()).isEqualTo(live);
        assertThat(http.getForObject("/api/schedule", JsonNode.class)).isEqualTo(schedule);
    }

    private Map<String, List<String>> snapshot() {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        TABLES.keySet().forEach(table -> rows.put(table, rows(table)));
        return rows;
    }

    private List<String> rows(String table) {
        return jdbc.sql("SELECT row_to_json(t)::text FROM " + table + " t ORDER BY " + TABLES.get(table))
                .query(String.class).list();
    }

    /** The daily tick of the {@code day}th day after the first, as the saga's deadline takes it. */
    private void tick(int day) {
        commands.sendAndWait(TakeImportStep.tick(FIRST_TICK.plus(Duration.ofDays(day))));
    }

    private LocalDate lastSyncStartedFrom() throws IOException {
        List<String> started = jdbc.sql("""
                        SELECT convert_from(payload, 'UTF8') FROM domain_event_entry
                         WHERE payload_type = 'org.cinegraph.events.ChangeSyncStarted' ORDER BY global_index""")
                .query(String.class).list();
        return LocalDate.parse(new ObjectMapper().readTree(started.get(started.size() - 1)).get("from").asText());
    }

    private long count(String event) {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE payload_type = :type")
                .param("type", "org.cinegraph.events." + event).query(Long.class).single();
    }

    private void awaitEvents(String event, long count) {
        await().atMost(Duration.ofSeconds(60)).until(() -> count(event) >= count);
        assertThat(count(event)).isEqualTo(count);
    }

    /** The sync's node let its claim go: the row is as a rebuild leaves it. */
    private void awaitSyncReleased() {
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                        "SELECT owner IS NULL AND lease_until IS NULL FROM import_ledger_change_sync")
                .query(Boolean.class).single());
    }

    private TestRestTemplate admin() {
        return http.withBasicAuth("admin", ApplicationTest.ADMIN_PASSWORD);
    }
}
