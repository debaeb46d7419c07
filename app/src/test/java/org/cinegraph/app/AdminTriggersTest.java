package org.cinegraph.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.cinegraph.command.schedule.ImportPass;
import org.cinegraph.events.ImportAction;
import org.cinegraph.events.ImportTrigger;
import org.cinegraph.events.ImportTriggered;
import org.cinegraph.sandbox.TmdbSandboxServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The admin's triggers, with the schedule off: "next" walks the range a year at a time (the import not
 * continuous), then runs delta syncs that record a change only when TMDb's record really changed; TMDb's total
 * is refreshed on demand.
 */
class AdminTriggersTest {

    private static final int THIS_YEAR = Year.now(ZoneOffset.UTC).getValue();

    @TempDir
    Path dataDir;

    @Test
    void nextWalksTheRangeThenSyncsChangesAndOnlyRealChangesAreRecorded() throws Exception {
        try (RunningApp app = RunningApp.start("cinegraph.data-dir=" + dataDir, "cinegraph.import.continuous=false",
                "cinegraph.import.first-year=" + THIS_YEAR, "cinegraph.import.last-year=" + (THIS_YEAR - 1))) {
            JdbcClient jdbc = app.jdbc();
            TmdbSandboxServer sandbox = app.context().getBean(TmdbSandboxServer.class);

            HttpResponse<String> total = app.postAsAdmin("/api/admin/tmdb-total/refresh");
            assertThat(total.statusCode()).isEqualTo(202);
            assertThat(app.json(total).get("tmdbTotalMovies").asLong()).isEqualTo(sandbox.catalogue().totalMovies());
            await().atMost(Duration.ofSeconds(10)).until(() -> app.json(app.get("/api/import/state"))
                    .get("tmdbTotalMovies").asLong() == sandbox.catalogue().totalMovies());

            HttpResponse<String> first = app.postAsAdmin("/api/admin/imports/next");
            assertThat(first.statusCode()).isEqualTo(202);
            assertThat(app.json(first).get("year").asInt()).isEqualTo(THIS_YEAR);
            assertThat(app.json(first).get("action").asText()).isEqualTo("start_year");
            HttpResponse<String> again = app.postAsAdmin("/api/admin/imports/next");
            assertThat(again.statusCode()).isEqualTo(409);
            assertThat(app.json(again).get("detail").asText()).contains("The import of " + THIS_YEAR + " is running");
            awaitCompleted(jdbc, 1);

            HttpResponse<String> second = app.postAsAdmin("/api/admin/imports/next");
            assertThat(app.json(second).get("year").asInt()).isEqualTo(THIS_YEAR - 1);
            awaitCompleted(jdbc, 2);
            // The range's completion is recorded once its last year's completion has committed.
            await().atMost(Duration.ofSeconds(10)).until(() -> StoredEvents.of(jdbc, "FullSyncCompleted").size() == 1);

            HttpResponse<String> sync = app.postAsAdmin("/api/admin/imports/next");
            assertThat(sync.statusCode()).isEqualTo(202);
            assertThat(app.json(sync).get("action").asText()).isEqualTo("sync_changes");
            awaitSyncs(jdbc, 1);
            assertThat(StoredEvents.of(jdbc, "MovieUpdated")).as("nothing changed since the import").isEmpty();

            int edited = app.json(app.get("/api/movies?year=" + THIS_YEAR + "&limit=1")).get("items").get(0)
                    .get("tmdbId").asInt();
            long revenueBefore = revenue(app, edited);
            sandbox.changes().edit(edited);

            assertThat(app.postAsAdmin("/api/admin/sync/changes").statusCode()).isEqualTo(202);
            awaitSyncs(jdbc, 2);
            List<JsonNode> updates = StoredEvents.of(jdbc, "MovieUpdated");
            assertThat(updates).extracting(update -> update.get("tmdbId").asInt()).containsExactly(edited);
            await().atMost(Duration.ofSeconds(10)).until(() -> revenue(app, edited) == revenueBefore + 1_000);

            assertThat(app.postAsAdmin("/api/admin/sync/changes").statusCode()).isEqualTo(202);
            awaitSyncs(jdbc, 3);
            assertThat(StoredEvents.of(jdbc, "MovieUpdated")).as("the same change is recorded once").hasSize(1);
            assertThat(StoredEvents.of(jdbc, "YearImportStarted")).hasSize(2);
        }
    }

    @Test
    void aChangedMovieTmdbAnswersWithoutItsRecordStopsTheSyncAndTheNextSyncRecordsItsChange() throws Exception {
        try (RunningApp app = RunningApp.start("cinegraph.data-dir=" + dataDir, "cinegraph.import.continuous=false",
                "cinegraph.sandbox.movies-per-year." + THIS_YEAR + "=200",
                "cinegraph.import.first-year=" + THIS_YEAR, "cinegraph.import.last-year=" + THIS_YEAR)) {
            JdbcClient jdbc = app.jdbc();
            TmdbSandboxServer sandbox = app.context().getBean(TmdbSandboxServer.class);
            assertThat(app.postAsAdmin("/api/admin/imports/years/" + THIS_YEAR).statusCode()).isEqualTo(202);
            awaitCompleted(jdbc, 1);
            // The catalogue was imported three weeks ago: the sync reads two windows, 20 to 7 days ago and 6 to 0.
            jdbc.sql("UPDATE import_ledger_outcome SET recorded_at = recorded_at - interval '20 days'").update();
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            List<Integer> earlier = SandboxChangeFeed.changed(sandbox, today.minusDays(20), today.minusDays(7));
            List<Integer> later = SandboxChangeFeed.changed(sandbox, today.minusDays(6), today);
            int movie = jdbc.sql("SELECT tmdb_id FROM import_ledger_outcome WHERE outcome = 'imported' ORDER BY tmdb_id")
                    .query(Integer.class).list().stream()
                    .filter(id -> earlier.contains(id) && !later.contains(id)).findFirst().orElseThrow();
            // TMDb changed it in the first window, after we last read it; and now answers it cut short.
            jdbc.sql("UPDATE import_ledger_outcome SET content_hash = '\\x00' WHERE tmdb_id = :id").param("id", movie)
                    .update();
            sandbox.faults().malformedDetails(Set.of(movie));

            assertThat(app.postAsAdmin("/api/admin/sync/changes").statusCode()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(60)).until(() -> StoredEvents.of(jdbc, "ChangeSyncFailed").size()
                    + StoredEvents.of(jdbc, "ChangeSyncCompleted").size() == 1);
            assertThat(StoredEvents.of(jdbc, "ChangeSyncFailed")).as("the sync stops, visibly").singleElement()
                    .satisfies(failed -> assertThat(failed.get("reason").asText()).contains("movie " + movie));
            await().atMost(Duration.ofSeconds(10)).until(() -> app.json(app.get("/api/sync/health")).get("message")
                    .asText().contains("movie " + movie));

            sandbox.faults().malformedDetails(Set.of());
            await().atMost(Duration.ofSeconds(30)).until(() -> app.postAsAdmin("/api/admin/sync/changes")
                    .statusCode() == 202);
            awaitSyncs(jdbc, 1);
            assertThat(StoredEvents.of(jdbc, "MovieUpdated")).extracting(update -> update.get("tmdbId").asInt())
                    .as("its change is recorded by the next sync").containsExactly(movie);
        }
    }

    @Test
    void aTickOfTheScheduleThatFiresAgainDoesNothing() throws Exception {
        try (RunningApp app = RunningApp.start("cinegraph.data-dir=" + dataDir,
                "cinegraph.import.first-year=" + THIS_YEAR, "cinegraph.import.last-year=" + THIS_YEAR)) {
            ImportPass pass = app.context().getBean(ImportPass.class);
            Instant tick = Instant.parse("2026-01-01T02:00:00Z");

            assertThat(pass.next(ImportTrigger.SCHEDULE, tick)).get().extracting(ImportTriggered::action)
                    .isEqualTo(ImportAction.START_YEAR);
            // Its node died before db-scheduler noted the run done, and another node runs the same tick again.
            assertThat(pass.next(ImportTrigger.SCHEDULE, tick)).isEmpty();

            assertThat(StoredEvents.of(app.jdbc(), "ImportTriggered")).hasSize(1);
            assertThat(StoredEvents.of(app.jdbc(), "YearImportStarted")).hasSize(1);
        }
    }

    @Test
    void triggersNeedTheAdminsCredentials() throws Exception {
        try (RunningApp app = RunningApp.start("cinegraph.data-dir=" + dataDir)) {
            HttpClient client = HttpClient.newHttpClient();
            for (String path : List.of("/api/admin/imports/next", "/api/admin/sync/changes",
                    "/api/admin/tmdb-total/refresh")) {
                HttpResponse<String> anonymous = client.send(HttpRequest.newBuilder(
                                URI.create(app.get("/api/import/state").uri().resolve(path).toString()))
                        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(anonymous.statusCode()).as(path).isEqualTo(401);
            }
            assertThat(StoredEvents.of(app.jdbc(), "ImportTriggered")).isEmpty();
        }
    }

    private static long revenue(RunningApp app, int tmdbId) throws Exception {
        return app.json(app.get("/api/movies/" + tmdbId)).get("tmdbData").get("revenue").asLong();
    }

    private static void awaitCompleted(JdbcClient jdbc, int years) {
        await().atMost(Duration.ofSeconds(60))
                .until(() -> StoredEvents.of(jdbc, "YearImportCompleted").size() == years);
    }

    private static void awaitSyncs(JdbcClient jdbc, int syncs) {
        await().atMost(Duration.ofSeconds(60))
                .until(() -> StoredEvents.of(jdbc, "ChangeSyncCompleted").size() == syncs);
    }
}
