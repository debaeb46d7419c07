package org.cinegraph.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.cinegraph.command.tables.DerivedTables;
import org.cinegraph.sandbox.TmdbSandboxServer;
import org.cinegraph.sandbox.catalogue.ExportExtras;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The sweep of TMDb's daily ID export, in sandbox mode as a new user runs it: the range of the sandbox's five years
 * imported by the pass, the sweep follows by itself and leaves the catalogue exactly complete; later sweeps find
 * nothing twice, record removals and restorations, withhold removals beyond the limit until an admin confirms,
 * refuse a file cut short whole, skip malformed lines, and fall back a day when the newest export is missing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExportSweepTest {

    private static final int THIS_YEAR = Year.now(ZoneOffset.UTC).getValue();
    /** Removals one sweep records unconfirmed, here: the sandbox's three removed movies, and a few more. */
    private static final int REMOVAL_LIMIT = 5;

    @TempDir
    static Path dataDir;
    private static RunningApp app;
    private static JdbcClient jdbc;
    private static TmdbSandboxServer sandbox;
    private static ExportExtras extras;

    @BeforeAll
    static void importTheRange() throws Exception {
        app = RunningApp.start("cinegraph.data-dir=" + dataDir, "cinegraph.import.export-sweep=true",
                "cinegraph.import.continuous=false", "cinegraph.import.first-year=" + THIS_YEAR,
                "cinegraph.import.last-year=" + (THIS_YEAR - 4),
                "cinegraph.import.max-removals-per-sweep=" + REMOVAL_LIMIT,
                // The festival films TMDb lists too make the first sweep a few thousand fetches.
                "cinegraph.tmdb.requests-per-second=2000", "cinegraph.tmdb.max-connections=16");
        jdbc = app.jdbc();
        sandbox = app.context().getBean(TmdbSandboxServer.class);
        extras = sandbox.catalogue().exportExtras();
        for (int year = THIS_YEAR; year >= THIS_YEAR - 4; year--) {
            HttpResponse<String> next = app.postAsAdmin("/api/admin/imports/next");
            assertThat(next.statusCode()).as(next.body()).isEqualTo(202);
            assertThat(app.json(next).get("year").asInt()).isEqualTo(year);
            int completed = THIS_YEAR - year + 1;
            await().atMost(Duration.ofSeconds(120)).until(() -> StoredEvents.of(jdbc, "YearImportCompleted").size()
                    == completed);
        }
        awaitSweeps(1);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    @Order(1)
    void theRangeCompletedIsFollowedByASweepThatLeavesTheCatalogueExactlyComplete() throws Exception {
        assertThat(StoredEvents.of(jdbc, "ExportSweepStarted")).singleElement().satisfies(started -> {
            assertThat(started.get("trigger").asText()).isEqualTo("SCHEDULE");
            assertThat(started.get("exportDate").asText()).as("today's export is not out yet: yesterday's")
                    .isEqualTo(sandbox.exports().newestDay().toString());
        });
        LocalDate day = sandbox.exports().newestDay();
        Set<Integer> counted = new TreeSet<>(sandbox.exports().ids(day));
        counted.removeAll(extras.adult());
        counted.removeAll(extras.video());
        JsonNode read = StoredEvents.of(jdbc, "ExportRead").get(0);
        assertThat(read.get("counted").asLong()).isEqualTo(counted.size());
        assertThat(read.get("listed").asLong()).isEqualTo(sandbox.exports().ids(day).size());
        assertThat(read.get("malformed").asLong()).isZero();

        // Every counted id has an outcome, each recorded once; no adult or video entry was fetched.
        Set<Integer> withOutcome = new HashSet<>(jdbc.sql("SELECT tmdb_id FROM import_ledger_outcome")
                .query(Integer.class).list());
        assertThat(withOutcome).containsAll(counted).doesNotContainAnyElementsOf(extras.adult())
                .doesNotContainAnyElementsOf(extras.video());
        assertThat(outcomeEventsPerMovie().entrySet().stream().filter(movie -> movie.getValue() != 1).toList())
                .as("movies with other than one final outcome event").isEmpty();
        Set<Integer> swept = new TreeSet<>(extras.undated());
        swept.addAll(extras.announced());
        swept.addAll(extras.preCinema());
        assertThat(sources(swept)).as("the movies no year lists were found by the export").containsOnly("export");

        // The movies no year lists are readable; the sandbox's removed movies are marked so.
        for (int tmdbId : swept) {
            if (!extras.failingQuality().contains(tmdbId)) {
                await().atMost(Duration.ofSeconds(10)).until(() -> app.get("/api/movies/" + tmdbId).statusCode()
                        == 200);
            }
        }
        assertThat(StoredEvents.of(jdbc, "MovieRemovedFromTmdb")).extracting(removed -> removed.get("tmdbId").asInt())
                .containsExactlyInAnyOrderElementsOf(extras.removed());
        for (int tmdbId : extras.removed()) {
            await().atMost(Duration.ofSeconds(10)).until(() -> !app.json(app.get("/api/movies/" + tmdbId))
                    .path("removedFromTmdbAt").isNull());
        }

        JsonNode completed = StoredEvents.of(jdbc, "ExportSweepCompleted").get(0);
        assertThat(completed.get("counted").asLong()).isEqualTo(counted.size());
        assertThat(completed.get("alreadyKnown").asLong() + completed.get("newMovies").asLong())
                .isEqualTo(counted.size());
        assertThat(completed.get("removed").asLong()).isEqualTo(extras.removed().size());
        assertThat(completed.get("removalsWithheld").asLong()).isZero();

        JsonNode state = await().atMost(Duration.ofSeconds(20)).until(() -> app.json(app.get("/api/import/state")),
                answer -> answer.path("lastExportSweep").isObject()
                        && answer.path("accountedMovies").asLong() == counted.size());
        assertThat(state.get("tmdbTotalMovies").asLong()).isEqualTo(counted.size());
        assertThat(state.get("moviesRemaining").asLong()).isZero();
        assertThat(state.get("completionPercentage").decimalValue()).isEqualByComparingTo("100.00");
        assertThat(state.get("lastExportSweep").get("exportDate").asText()).isEqualTo(day.toString());
        assertThat(state.get("lastExportSweep").get("counted").asLong()).isEqualTo(counted.size());
        assertThat(state.get("lastExportSweep").get("removed").asLong()).isEqualTo(extras.removed().size());
    }

    @Test
    @Order(2)
    void aSecondSweepFindsNothingNewAndRecordsNothingTwice() throws Exception {
        long outcomes = countEvents("MovieImported", "MovieSkipped", "MovieImportFailed");
        HttpResponse<String> sweep = app.postAsAdmin("/api/admin/catalogue/sweep");
        assertThat(sweep.statusCode()).as(sweep.body()).isEqualTo(202);
        JsonNode completed = awaitSweeps(2);
        assertThat(completed.get("newMovies").asLong()).isZero();
        assertThat(completed.get("removed").asLong()).isZero();
        assertThat(completed.get("alreadyKnown").asLong()).isEqualTo(completed.get("counted").asLong());
        assertThat(countEvents("MovieImported", "MovieSkipped", "MovieImportFailed")).isEqualTo(outcomes);
        assertThat(StoredEvents.of(jdbc, "MovieRemovedFromTmdb")).hasSize(extras.removed().size());
        assertThat(StoredEvents.of(jdbc, "ExportSweepStarted").get(1).get("trigger").asText()).isEqualTo("ADMIN");
    }

    @Test
    @Order(3)
    void aSecondRequestWhileASweepRunsIsRefused() throws Exception {
        int sweeps = StoredEvents.of(jdbc, "ExportSweepCompleted").size();
        sandbox.faults().latency(Duration.ofMillis(1500));
        try {
            assertThat(app.postAsAdmin("/api/admin/catalogue/sweep").statusCode()).isEqualTo(202);
            HttpResponse<String> again = app.postAsAdmin("/api/admin/catalogue/sweep");
            assertThat(again.statusCode()).isEqualTo(409);
            assertThat(again.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith("application/problem+json"));
        } finally {
            sandbox.faults().latency(Duration.ZERO);
        }
        awaitSweeps(sweeps + 1);
    }

    @Test
    @Order(4)
    void aMovieTheExportNoLongerListsIsRemovedAndOneListedAgainIsRestored() throws Exception {
        Set<Integer> gone = importedOf(THIS_YEAR, 2);
        sandbox.faults().removeFromExports(gone);
        JsonNode removedSweep = sweep(false);
        assertThat(removedSweep.get("removed").asLong()).isEqualTo(2);
        assertThat(removedIds()).containsAll(gone);
        for (int tmdbId : gone) {
            await().atMost(Duration.ofSeconds(10)).until(() -> !app.json(app.get("/api/movies/" + tmdbId))
                    .path("removedFromTmdbAt").isNull());
        }
        JsonNode removedList = await().atMost(Duration.ofSeconds(10)).until(() -> app.json(app.get(
                "/api/movies?year=" + THIS_YEAR + "&removed=true")), list -> list.path("items").size() == 2);
        assertThat(removedList.get("items")).extracting(item -> item.get("tmdbId").asInt())
                .containsExactlyInAnyOrderElementsOf(gone);

        sandbox.faults().restoreOnExports(gone);
        JsonNode restoredSweep = sweep(false);
        assertThat(restoredSweep.get("restored").asLong()).isEqualTo(2);
        assertThat(StoredEvents.of(jdbc, "MovieRestoredOnTmdb")).extracting(restored -> restored.get("tmdbId").asInt())
                .containsExactlyInAnyOrderElementsOf(gone);
        assertThat(removedIds()).doesNotContainAnyElementsOf(gone);
        for (int tmdbId : gone) {
            await().atMost(Duration.ofSeconds(10)).until(() -> app.json(app.get("/api/movies/" + tmdbId))
                    .path("removedFromTmdbAt").isNull());
        }
    }

    @Test
    @Order(5)
    void moreRemovalsThanTheLimitAreWithheldUntilAnAdminConfirms() throws Exception {
        Set<Integer> gone = importedOf(THIS_YEAR - 1, REMOVAL_LIMIT + 1);
        long removalsBefore = StoredEvents.of(jdbc, "MovieRemovedFromTmdb").size();
        sandbox.faults().removeFromExports(gone);
        try {
            JsonNode withheld = sweep(false);
            assertThat(withheld.get("removalsWithheld").asLong()).isEqualTo(gone.size());
            assertThat(withheld.get("removalLimit").asLong()).isEqualTo(REMOVAL_LIMIT);
            assertThat(withheld.get("removed").asLong()).isZero();
            assertThat(StoredEvents.of(jdbc, "MovieRemovedFromTmdb")).hasSize((int) removalsBefore);
            JsonNode health = await().atMost(Duration.ofSeconds(10)).until(() -> app.json(app.get(
                    "/api/sync/health")), answer -> answer.path("message").asText().contains("confirmRemovals=true"));
            assertThat(health.get("status").asText()).isIn("warning", "error");

            JsonNode confirmed = sweep(true);
            assertThat(confirmed.get("removed").asLong()).isEqualTo(gone.size());
            assertThat(confirmed.get("removalsWithheld").asLong()).isZero();
            assertThat(removedIds()).containsAll(gone);
            await().atMost(Duration.ofSeconds(10)).until(() -> !app.json(app.get("/api/sync/health"))
                    .path("message").asText().contains("confirmRemovals=true"));
        } finally {
            sandbox.faults().restoreOnExports(gone);
        }
        assertThat(sweep(false).get("restored").asLong()).isEqualTo(gone.size());
    }

    @Test
    @Order(6)
    void anExportCutShortIsRefusedWholeAndRemovesNothing() throws Exception {
        Set<Integer> gone = importedOf(THIS_YEAR - 2, 1);
        int failures = StoredEvents.of(jdbc, "ExportSweepFailed").size();
        int reads = StoredEvents.of(jdbc, "ExportRead").size();
        sandbox.faults().removeFromExports(gone).truncatedExports(true);
        try {
            assertThat(app.postAsAdmin("/api/admin/catalogue/sweep").statusCode()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(60)).until(() -> StoredEvents.of(jdbc, "ExportSweepFailed").size()
                    == failures + 1);
        } finally {
            sandbox.faults().truncatedExports(false).restoreOnExports(gone);
        }
        assertThat(StoredEvents.of(jdbc, "ExportRead")).as("nothing was read whole").hasSize(reads);
        assertThat(removedIds()).doesNotContainAnyElementsOf(gone);
        assertThat(jdbc.sql("SELECT status FROM import_ledger_export_sweep").query(String.class).single())
                .isEqualTo("failed");
        await().atMost(Duration.ofSeconds(10)).until(() -> app.json(app.get("/api/sync/health"))
                .path("status").asText().equals("warning"));
        sweep(false);
    }

    @Test
    @Order(7)
    void malformedLinesAreCountedAndSkippedWithholdRemovalsAndAMissingDayFallsBackToTheOneBefore() throws Exception {
        LocalDate newest = sandbox.exports().newestDay();
        // A movie the file no longer lists may be on a malformed line: no removal is decided from such a file.
        Set<Integer> gone = importedOf(THIS_YEAR - 3, 1);
        sandbox.faults().malformedExportLines(Map.of(3, "{\"id\":", 10, "not json")).missingExports(Set.of(newest))
                .removeFromExports(gone);
        JsonNode withheld;
        try {
            withheld = sweep(false);
        } finally {
            sandbox.faults().malformedExportLines(Map.of()).missingExports(Set.of());
        }
        List<JsonNode> reads = StoredEvents.of(jdbc, "ExportRead");
        JsonNode read = reads.get(reads.size() - 1);
        assertThat(withheld.get("removed").asLong()).isZero();
        assertThat(withheld.get("removalsWithheld").asLong()).isEqualTo(1);
        assertThat(removedIds()).doesNotContainAnyElementsOf(gone);
        assertThat(sweep(false).get("removed").asLong()).as("from a clean file").isEqualTo(1);
        assertThat(removedIds()).containsAll(gone);
        sandbox.faults().restoreOnExports(gone);
        assertThat(sweep(false).get("restored").asLong()).isEqualTo(1);
        assertThat(read.get("exportDate").asText()).isEqualTo(newest.minusDays(1).toString());
        assertThat(read.get("malformed").asLong()).isEqualTo(2);
        assertThat(read.get("malformedLines")).extracting(JsonNode::asLong).containsExactly(4L, 11L);
        // The day's ids now list the movie restored, which that file left out; the two malformed lines came on top.
        assertThat(read.get("entriesRead").asLong()).isEqualTo(sandbox.exports().ids(newest.minusDays(1)).size() + 1);
    }

    @Test
    @Order(7)
    void aFileOfManyMalformedLinesIsNotTmdbsExportAndDecidesNothingNotEvenTheTotal() throws Exception {
        int failures = StoredEvents.of(jdbc, "ExportSweepFailed").size();
        int reads = StoredEvents.of(jdbc, "ExportRead").size();
        long total = app.json(app.get("/api/import/state")).get("tmdbTotalMovies").asLong();
        Map<Integer, String> garbage = new java.util.HashMap<>();
        for (int line = 0; line < 200; line++) {
            garbage.put(line * 7, "<html>" + line + "</html>");
        }
        sandbox.faults().malformedExportLines(garbage);
        try {
            assertThat(app.postAsAdmin("/api/admin/catalogue/sweep").statusCode()).isEqualTo(202);
            JsonNode failed = await().atMost(Duration.ofSeconds(60)).until(() -> StoredEvents.of(jdbc,
                    "ExportSweepFailed"), all -> all.size() == failures + 1).get(failures);
            assertThat(failed.get("reason").asText()).contains("not an export in TMDb's format");
            assertThat(failed.get("exportDate").asText()).isEqualTo(sandbox.exports().newestDay().toString());
        } finally {
            sandbox.faults().malformedExportLines(Map.of());
        }
        assertThat(StoredEvents.of(jdbc, "ExportRead")).hasSize(reads);
        assertThat(app.json(app.get("/api/import/state")).get("tmdbTotalMovies").asLong()).isEqualTo(total);
        sweep(false);
    }

    @Test
    @Order(7)
    void aMovieTheCatalogueGotAfterTheFileWasMadeIsNotRemovedByIt() throws Exception {
        Set<Integer> newer = importedOf(THIS_YEAR - 4, 1);
        Instant importedAt = jdbc.sql("SELECT recorded_at FROM import_ledger_outcome WHERE tmdb_id = :id")
                .param("id", newer.iterator().next()).query(java.time.OffsetDateTime.class).single().toInstant();
        sandbox.faults().removeFromExports(newer).exportsMadeAt(importedAt.minusSeconds(1));
        try {
            JsonNode before = sweep(false);
            assertThat(before.get("removed").asLong()).as("the file was made before the movie came").isZero();
            assertThat(before.get("removalsWithheld").asLong()).isZero();
            assertThat(removedIds()).doesNotContainAnyElementsOf(newer);
        } finally {
            sandbox.faults().exportsMadeAt(null);
        }
        assertThat(sweep(false).get("removed").asLong()).as("a file made since does not list it").isEqualTo(1);
        sandbox.faults().restoreOnExports(newer);
        assertThat(sweep(false).get("restored").asLong()).isEqualTo(1);
    }

    @Test
    @Order(8)
    void theDailyRunsDeltaSyncIsFollowedByASweepAndAnAdminsIsNot() throws Exception {
        int sweeps = StoredEvents.of(jdbc, "ExportSweepStarted").size();
        int completedBefore = StoredEvents.of(jdbc, "ExportSweepCompleted").size();
        HttpResponse<String> next = app.postAsAdmin("/api/admin/imports/next");
        assertThat(next.statusCode()).as(next.body()).isEqualTo(202);
        assertThat(app.json(next).get("action").asText()).isEqualTo("sync_changes");
        await().atMost(Duration.ofSeconds(60)).until(() -> StoredEvents.of(jdbc, "ChangeSyncCompleted").size() == 1);
        JsonNode completed = awaitSweeps(completedBefore + 1);
        assertThat(StoredEvents.of(jdbc, "ExportSweepStarted")).hasSize(sweeps + 1)
                .last().satisfies(started -> assertThat(started.get("trigger").asText()).isEqualTo("SCHEDULE"));
        assertThat(completed.get("newMovies").asLong()).isZero();

        assertThat(app.postAsAdmin("/api/admin/sync/changes").statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).until(() -> StoredEvents.of(jdbc, "ChangeSyncCompleted").size() == 2);
        Thread.sleep(500);
        assertThat(StoredEvents.of(jdbc, "ExportSweepStarted")).as("an admin's sync is followed by no sweep")
                .hasSize(sweeps + 1);
    }

    @Test
    @Order(9)
    void theSweepsTablesRebuildFromTheEventsToTheSameRows() {
        List<String> tables = List.of("import_ledger_export_sweep", "import_ledger_removed");
        Map<String, List<String>> before = tables.stream().collect(Collectors.toMap(table -> table, this::rows));
        assertThat(before.get("import_ledger_removed")).as("the sandbox's removed movies, the others restored")
                .hasSize(extras.removed().size());
        DerivedTables derived = app.context().getBean(DerivedTables.class);
        derived.rebuild(tables);
        tables.forEach(table -> assertThat(rows(table)).as(table).isEqualTo(before.get(table)));
        tables.forEach(table -> jdbc.sql("DROP TABLE " + table).update());
        derived.rebuild(tables);
        tables.forEach(table -> assertThat(rows(table)).as(table).isEqualTo(before.get(table)));
    }

    /** Runs a sweep as an admin and waits for its completion. */
    private static JsonNode sweep(boolean confirmRemovals) throws Exception {
        int sweeps = StoredEvents.of(jdbc, "ExportSweepCompleted").size();
        HttpResponse<String> sweep = app.postAsAdmin("/api/admin/catalogue/sweep"
                + (confirmRemovals ? "?confirmRemovals=true" : ""));
        assertThat(sweep.statusCode()).as(sweep.body()).isEqualTo(202);
        return awaitSweeps(sweeps + 1);
    }

    private static JsonNode awaitSweeps(int completed) {
        List<JsonNode> sweeps = await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(200)).until(
                () -> StoredEvents.of(jdbc, "ExportSweepCompleted"), all -> all.size() >= completed);
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "SELECT owner IS NULL FROM import_ledger_export_sweep").query(Boolean.class).single());
        return sweeps.get(completed - 1);
    }

    /** {@code count} movies of the year that are imported and not removed, the lowest ids first. */
    private static Set<Integer> importedOf(int year, int count) {
        return new TreeSet<>(jdbc.sql("""
                        SELECT tmdb_id FROM import_ledger_outcome o
                         WHERE year = :year AND outcome = 'imported'
                           AND NOT EXISTS (SELECT 1 FROM import_ledger_removed r WHERE r.tmdb_id = o.tmdb_id)
                         ORDER BY tmdb_id LIMIT :count""")
                .param("year", year).param("count", count).query(Integer.class).list());
    }

    private static Set<Integer> removedIds() {
        return new HashSet<>(jdbc.sql("SELECT tmdb_id FROM import_ledger_removed").query(Integer.class).list());
    }

    /** Each movie's imports and skips in the event store: a movie has at most one final outcome. */
    private static Map<Integer, Integer> outcomeEventsPerMovie() {
        return jdbc.sql("""
                        SELECT (convert_from(payload, 'UTF8')::jsonb ->> 'tmdbId')::int AS tmdb_id, count(*) AS events
                          FROM domain_event_entry
                         WHERE payload_type IN ('org.cinegraph.events.MovieImported', 'org.cinegraph.events.MovieSkipped')
                         GROUP BY 1""")
                .query((rs, row) -> Map.entry(rs.getInt(1), rs.getInt(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static Set<String> sources(Set<Integer> tmdbIds) {
        return new HashSet<>(jdbc.sql("SELECT DISTINCT source FROM import_ledger_outcome WHERE tmdb_id IN (:ids)")
                .param("ids", tmdbIds).query(String.class).list());
    }

    private static long countEvents(String... types) {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE payload_type IN (:types)")
                .param("types", java.util.Arrays.stream(types).map(type -> "org.cinegraph.events." + type).toList())
                .query(Long.class).single();
    }

    private List<String> rows(String table) {
        return jdbc.sql("SELECT row_to_json(t)::text FROM " + table + " t ORDER BY 1").query(String.class).list();
    }
}
