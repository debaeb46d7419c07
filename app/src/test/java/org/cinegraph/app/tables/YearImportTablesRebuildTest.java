package org.cinegraph.app.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cinegraph.app.ApplicationTest;
import org.cinegraph.command.tables.DerivedTables;
import org.cinegraph.sandbox.TmdbSandboxServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.RequestEntity;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The year import's and the catalogue's derived tables rebuilt from the events, after a history made through the
 * application: a year imported twice with failures retried one by one, by a list and by its second run; a year left
 * with a failure; a delta sync's update; a year paused while its pages were read. Rebuilt alone or together, kept or
 * dropped, each table holds the rows the live code wrote, and the live code goes on from them.
 *
 * <p>An application of its own (its own catalogue and quick retries): the rebuilds empty tables every class of the
 * shared application reads, and a whole table is compared, which another class's events would spoil.
 */
@ApplicationTest
@TestPropertySource(properties = {
        "cinegraph.sandbox.movies-per-year.2019=120",
        "cinegraph.sandbox.movies-per-year.2018=40",
        "cinegraph.sandbox.movies-per-year.2017=400",
        "cinegraph.tmdb.requests-per-second=2000",
        "cinegraph.tmdb.retry.initial-backoff=10ms",
        "cinegraph.tmdb.retry.max-backoff=50ms"})
class YearImportTablesRebuildTest {

    private static final Logger log = LoggerFactory.getLogger(YearImportTablesRebuildTest.class);
    private static final int TWICE = 2019;
    private static final int WITH_FAILURE = 2018;
    private static final int PAUSED = 2017;
    private static final String LIST = "rebuild-members";
    /** Each table and the order its rows are compared in (its primary key). */
    private static final Map<String, String> TABLES = new LinkedHashMap<>();

    static {
        TABLES.put("import_ledger_outcome", "tmdb_id");
        TABLES.put("import_ledger_discovered", "year, tmdb_id");
        TABLES.put("import_ledger_page", "year, run_started_at, window_from, pass, page");
        TABLES.put("import_ledger_year", "year");
        TABLES.put("import_ledger_run", "year");
    }

    @Autowired
    private TestRestTemplate http;
    @Autowired
    private TmdbSandboxServer sandbox;
    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private DerivedTables derivedTables;

    @AfterEach
    void tmdbRecovers() {
        sandbox.faults().reset();
    }

    @Test
    void rebuiltTablesHoldTheLiveRowsAndTheImportGoesOnFromThem() {
        List<Integer> twice = List.copyOf(sandbox.catalogue().movieIds(TWICE));
        int deleted = twice.get(0);
        int malformed = twice.get(1);
        int unavailable = twice.stream().skip(2)
                .filter(id -> sandbox.catalogue().movie(id).orElseThrow().imdbId() != null).findFirst().orElseThrow();
        int alwaysMalformed = sandbox.catalogue().movieIds(WITH_FAILURE).iterator().next();

        sandbox.faults().deletedAfterDiscovery(Set.of(deleted)).malformedDetails(Set.of(malformed))
                .failDetailsAlways(Set.of(unavailable), 503);
        OffsetDateTime firstRun = importYear(TWICE, null);
        assertThat(outcome(deleted)).containsEntry("outcome", "failed");
        assertThat(outcome(unavailable)).containsEntry("outcome", "failed");

        // One failure resolved by its retry, one failing again, one resolved by a list that names the movie.
        sandbox.faults().reset().malformedDetails(Set.of(malformed));
        retry(deleted);
        await().atMost(Duration.ofSeconds(30)).until(() -> !"failed".equals(outcome(deleted).get("outcome")));
        retry(malformed);
        await().atMost(Duration.ofSeconds(30)).until(() -> (int) outcome(malformed).get("attempts") == 2);
        uploadList(sandbox.catalogue().movie(unavailable).orElseThrow().imdbId());
        await().atMost(Duration.ofSeconds(30)).until(() -> !"failed".equals(outcome(unavailable).get("outcome")));

        sandbox.faults().reset().malformedDetails(Set.of(alwaysMalformed));
        importYear(WITH_FAILURE, null);
        sandbox.faults().reset();
        importYear(TWICE, firstRun);

        int edited = jdbc.sql("""
                        SELECT min(tmdb_id) FROM import_ledger_outcome
                         WHERE year = :year AND outcome = 'imported' AND source = 'year_import'""")
                .param("year", TWICE).query(Integer.class).single();
        sandbox.changes().edit(edited);
        syncChanges(1);
        assertThat(events("MovieUpdated", "tmdbId", edited)).as("the delta sync recorded the edit").isEqualTo(1);

        pauseWhileReadingPages(PAUSED);

        // The history holds what the tables must show.
        assertThat(outcome(deleted)).containsEntry("attempts", 2);
        assertThat(outcome(malformed)).containsEntry("attempts", 3).containsEntry("source", "year_import");
        assertThat(outcome(malformed).get("outcome")).isNotEqualTo("failed");
        assertThat(outcome(unavailable)).as("a list's import keeps the year its failure had")
                .containsEntry("attempts", 2).containsEntry("source", "list:" + LIST).containsEntry("year", TWICE);
        assertThat(outcome(alwaysMalformed)).containsEntry("outcome", "failed").containsEntry("attempts", 1);
        assertThat(jdbc.sql("SELECT count(DISTINCT run_started_at) FROM import_ledger_page WHERE year = :year")
                .param("year", TWICE).query(Integer.class).single()).as("two runs' pages").isEqualTo(2);
        assertThat(jdbc.sql("SELECT count(*) FROM import_ledger_page WHERE year = :year").param("year", PAUSED)
                .query(Integer.class).single()).as("pages of the paused run").isPositive();
        assertThat(jdbc.sql("SELECT year FROM import_ledger_run").query(Integer.class).list())
                .as("the paused year runs still").containsExactly(PAUSED);

        Map<String, List<String>> live = snapshot();
        Map<Integer, OffsetDateTime> liveProgress = progress();

        for (String table : TABLES.keySet()) {
            rebuild(List.of(table));
            assertThat(snapshot().get(table)).as(table + " rebuilt alone").containsExactlyElementsOf(live.get(table));
        }
        assertRebuiltRuns(liveProgress);

        TABLES.keySet().forEach(table -> jdbc.sql("DROP TABLE " + table).update());
        rebuild(List.copyOf(TABLES.keySet()));
        Map<String, List<String>> rebuilt = snapshot();
        TABLES.keySet().forEach(table -> assertThat(rebuilt.get(table))
                .as(table + " dropped with the others, then rebuilt together")
                .containsExactlyElementsOf(live.get(table)));
        assertRebuiltRuns(liveProgress);

        syncChanges(2);
        assertThat(events("MovieUpdated", "tmdbId", edited)).as("the rebuilt content hash is the updated record's")
                .isEqualTo(1);
        ResponseEntity<JsonNode> resumed = admin().postForEntity("/api/admin/imports/years/" + PAUSED, null,
                JsonNode.class);
        assertThat(resumed.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        awaitCompleted(PAUSED, null);
        importYear(TWICE, started(TWICE));
        assertThat(jdbc.sql("""
                        SELECT convert_from(payload, 'UTF8')::jsonb ->> 'tmdbId' FROM domain_event_entry
                         WHERE payload_type IN ('org.cinegraph.events.MovieImported',
                                                'org.cinegraph.events.MovieSkipped')
                         GROUP BY 1 HAVING count(*) > 1""").query(String.class).list())
                .as("movies imported or skipped twice").isEmpty();
        assertThat(pagesReadTwiceInARun()).as("pages read twice in one run").isEmpty();
    }

    /** Rebuilt runs are free to claim, and their progress is never later than the live code noted. */
    private void assertRebuiltRuns(Map<Integer, OffsetDateTime> liveProgress) {
        assertThat(jdbc.sql("SELECT count(*) FROM import_ledger_run WHERE owner IS NOT NULL OR lease_until IS NOT NULL")
                .query(Integer.class).single()).isZero();
        Map<Integer, OffsetDateTime> rebuilt = progress();
        assertThat(rebuilt.keySet()).isEqualTo(liveProgress.keySet());
        rebuilt.forEach((year, progressed) -> assertThat(progressed).as("progress of " + year).isNotNull()
                .isBeforeOrEqualTo(liveProgress.get(year)));
    }

    private void rebuild(List<String> tables) {
        long started = System.nanoTime();
        Map<String, Long> rows = derivedTables.rebuild(tables);
        log.info("Rebuilt {} in {} ms: {}", tables, (System.nanoTime() - started) / 1_000_000, rows);
    }

    private Map<String, List<String>> snapshot() {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        TABLES.forEach((table, key) -> rows.put(table, jdbc.sql(
                        "SELECT row_to_json(t)::text FROM (SELECT * FROM " + table + ") t ORDER BY " + key)
                .query(String.class).list().stream()
                .map(row -> table.equals("import_ledger_run") ? withoutCoordination(row) : row).toList()));
        return rows;
    }

    /** A run's row without who holds it and when it last progressed, which a rebuild does not give back. */
    private String withoutCoordination(String row) {
        return jdbc.sql("SELECT (CAST(:row AS jsonb) - 'owner' - 'lease_until' - 'progressed_at')::text")
                .param("row", row).query(String.class).single();
    }

    private Map<Integer, OffsetDateTime> progress() {
        Map<Integer, OffsetDateTime> progress = new LinkedHashMap<>();
        jdbc.sql("SELECT year, progressed_at FROM import_ledger_run ORDER BY year").query(rs -> {
            progress.put(rs.getInt("year"), rs.getObject("progressed_at", OffsetDateTime.class));
        });
        return progress;
    }

    private Map<String, Object> outcome(int tmdbId) {
        return jdbc.sql("SELECT outcome, attempts, source, year FROM import_ledger_outcome WHERE tmdb_id = :id")
                .param("id", tmdbId).query().singleRow();
    }

    private OffsetDateTime started(int year) {
        return jdbc.sql("SELECT started_at FROM import_ledger_year WHERE year = :year").param("year", year)
                .query(OffsetDateTime.class).single();
    }

    /** Starts the year's import and waits for this run, not the one that started at {@code previous}, to complete. */
    private OffsetDateTime importYear(int year, OffsetDateTime previous) {
        assertThat(admin().postForEntity("/api/admin/imports/years/" + year, null, JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.ACCEPTED);
        return awaitCompleted(year, previous);
    }

    private OffsetDateTime awaitCompleted(int year, OffsetDateTime previous) {
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("""
                        SELECT status = 'completed' AND started_at IS DISTINCT FROM :previous
                          FROM import_ledger_year WHERE year = :year""")
                .param("year", year).param("previous", previous).query(Boolean.class).optional().orElse(false));
        return started(year);
    }

    /**
     * Starts the year with TMDb slow, and makes TMDb unavailable once its first page is recorded: the run pauses
     * with some of its pages read, held by no node.
     */
    private void pauseWhileReadingPages(int year) {
        sandbox.faults().latency(Duration.ofMillis(300));
        assertThat(admin().postForEntity("/api/admin/imports/years/" + year, null, JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.ACCEPTED);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                .until(() -> events("PageDiscovered", "year", year) > 0);
        sandbox.faults().failAlways(503);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                        "SELECT owner IS NULL FROM import_ledger_run WHERE year = :year")
                .param("year", year).query(Boolean.class).optional().orElse(false));
        sandbox.faults().reset();
    }

    private void retry(int tmdbId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> admin().postForEntity(
                "/api/admin/failures/retry?source=year_import&subject=" + tmdbId, null, JsonNode.class)
                .getStatusCode() == HttpStatus.ACCEPTED);
    }

    private void uploadList(String imdbId) {
        String csv = "Position,Const,Created,Modified,Description,Title,URL,Title Type,IMDb Rating,Runtime (mins),"
                + "Year,Genres,Num Votes,Release Date,Directors\n"
                + "1," + imdbId + ",2024-03-11,,,Rebuild Member,,Movie,,,2019,,,,\n";
        ResponseEntity<JsonNode> uploaded = admin().exchange(RequestEntity.post(URI.create("/api/admin/lists/" + LIST))
                .contentType(MediaType.parseMediaType("text/csv")).body(csv.getBytes(StandardCharsets.UTF_8)),
                JsonNode.class);
        assertThat(uploaded.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    }

    /** Runs a delta sync and waits for it to be the {@code count}th completed. */
    private void syncChanges(int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> admin().postForEntity("/api/admin/sync/changes", null,
                JsonNode.class).getStatusCode() == HttpStatus.ACCEPTED);
        await().atMost(Duration.ofSeconds(60)).until(() -> events("ChangeSyncCompleted", null, null) == count);
    }

    /** How many events of the type the store holds, of those whose {@code field} is {@code value} when one is given. */
    private int events(String type, String field, Integer value) {
        return jdbc.sql("""
                        SELECT count(*) FROM domain_event_entry
                         WHERE payload_type = :type
                           AND (CAST(:value AS int) IS NULL
                                OR (convert_from(payload, 'UTF8')::jsonb ->> CAST(:field AS text))::int = :value)""")
                .param("type", "org.cinegraph.events." + type).param("field", field).param("value", value)
                .query(Integer.class).single();
    }

    /** Pages whose event was appended twice in one run of their year (a run: the events from a start to the next). */
    private List<String> pagesReadTwiceInARun() {
        return jdbc.sql("""
                        WITH pages AS (
                                 SELECT global_index, convert_from(payload, 'UTF8')::jsonb AS page
                                   FROM domain_event_entry
                                  WHERE payload_type = 'org.cinegraph.events.PageDiscovered'),
                             starts AS (
                                 SELECT global_index, (convert_from(payload, 'UTF8')::jsonb ->> 'year')::int AS year
                                   FROM domain_event_entry
                                  WHERE payload_type = 'org.cinegraph.events.YearImportStarted')
                        SELECT concat_ws(' ', page ->> 'year', run, page -> 'window', page ->> 'pass', page ->> 'page')
                          FROM (SELECT page, (SELECT max(s.global_index) FROM starts s
                                               WHERE s.year = (p.page ->> 'year')::int
                                                 AND s.global_index < p.global_index) AS run
                                  FROM pages p) read
                         GROUP BY page ->> 'year', run, page -> 'window', page ->> 'pass', page ->> 'page'
                        HAVING count(*) > 1""")
                .query(String.class).list();
    }

    private TestRestTemplate admin() {
        return http.withBasicAuth("admin", ApplicationTest.ADMIN_PASSWORD);
    }
}
