package org.cinegraph.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.axonframework.messaging.GenericMessage;
import org.cinegraph.events.ExportRead;
import org.cinegraph.events.ExportSweepCompleted;
import org.cinegraph.events.ExportSweepFailed;
import org.cinegraph.events.ExportSweepProgressed;
import org.cinegraph.events.ExportSweepStarted;
import org.cinegraph.events.ImportTrigger;
import org.cinegraph.events.MovieImportFailed;
import org.cinegraph.events.MovieImported;
import org.cinegraph.events.MovieRemovedFromTmdb;
import org.cinegraph.events.MovieRestoredOnTmdb;
import org.cinegraph.events.MovieSkipped;
import org.cinegraph.events.TmdbTotalUpdated;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the read side makes of TMDb's export, played as the command side records it (its events published here):
 * movies removed and restored, the catalogue's figures against TMDb's total, the sweeps, the health they turn to, and
 * a replay of each projection they touch. On an application and a database of its own: the figures are exact counts
 * of everything ever recorded, which another test's movies would change.
 */
@SpringBootTest(classes = CinegraphApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "cinegraph.data-dir=target/test-data/accounting-${random.uuid}",
        "cinegraph.admin.password=" + ApplicationTest.ADMIN_PASSWORD,
        "cinegraph.schedule.enabled=false"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CatalogueAccountingTest {

    private static final LocalDate EXPORT = LocalDate.of(2026, 11, 22);
    private static final Instant REMOVED_AT = Instant.parse("2026-11-23T04:05:06.789Z");
    /** Imported by a year, a festival, a list and the export (the last with no release date, so of no year). */
    private static final int BY_YEAR = 501;
    private static final int BY_FESTIVAL = 502;
    private static final int BY_LIST = 503;
    private static final int BY_EXPORT = 504;
    private static final int SKIPPED_BY_YEAR = 511;
    private static final int SKIPPED_BY_EXPORT = 512;
    /** Failed twice. */
    private static final int FAILED_TWICE = 521;
    /** Failed, then imported by another source. */
    private static final int FAILED_THEN_IMPORTED = 522;
    /** Failed, then skipped. */
    private static final int FAILED_THEN_SKIPPED = 523;
    /** Failed from two sources. */
    private static final int FAILED_FROM_TWO = 524;

    @Autowired
    private TestRestTemplate http;
    @Autowired
    private EventGateway events;
    @Autowired
    private TransactionTemplate transactions;
    @Autowired
    private JdbcClient jdbc;

    @Test
    @Order(1)
    void everyOutcomeOfEverySourceIsAccountedForOnceAgainstTmdbsTotal() {
        assertThat(state().get("accountedMovies").asLong()).as("nothing recorded yet").isZero();
        assertThat(state().get("completionPercentage").isNull()).isTrue();

        publish(imported(BY_YEAR, 1990, "year_import"), imported(BY_FESTIVAL, 1991, "festival:AMPAS"),
                imported(BY_LIST, 1990, "list:canon"), imported(BY_EXPORT, null, "export"),
                skipped(SKIPPED_BY_YEAR, "year_import"), skipped(SKIPPED_BY_EXPORT, "export"),
                failed(FAILED_TWICE, "export", 1), failed(FAILED_TWICE, "export", 2),
                failed(FAILED_THEN_IMPORTED, "year_import", 1), imported(FAILED_THEN_IMPORTED, 1992, "list:canon"),
                failed(FAILED_THEN_SKIPPED, "festival:AMPAS", 1), skipped(FAILED_THEN_SKIPPED, "festival:AMPAS"),
                failed(FAILED_FROM_TWO, "year_import", 1), failed(FAILED_FROM_TWO, "list:canon", 2),
                new TmdbTotalUpdated(20, "discover"));

        // Imported: 5 (one after its failure); skipped: 3 (one after its failure); failed and nothing since: 2.
        JsonNode state = awaitState(answer -> answer.get("accountedMovies").asLong() == 10
                && answer.path("tmdbTotalMovies").asLong() == 20);
        assertThat(state.get("ourTotalMovies").asLong()).as("every imported movie, of every source").isEqualTo(5);
        assertThat(state.get("moviesRemaining").asLong()).isEqualTo(10);
        assertThat(state.get("completionPercentage").decimalValue()).isEqualByComparingTo("50.00");
        assertThat(http.getForObject("/api/movies", JsonNode.class).get("total").asLong()).isEqualTo(5);
    }

    @Test
    @Order(2)
    void aRemovedMovieStaysReadableMarkedRemovedAndIsNoLongerAccountedFor() {
        publishAt(REMOVED_AT, new MovieRemovedFromTmdb(BY_EXPORT, EXPORT), new MovieRemovedFromTmdb(BY_YEAR, EXPORT),
                new MovieRemovedFromTmdb(SKIPPED_BY_YEAR, EXPORT), new MovieRemovedFromTmdb(FAILED_TWICE, EXPORT));

        JsonNode state = awaitState(answer -> answer.get("accountedMovies").asLong() == 6);
        assertThat(state.get("ourTotalMovies").asLong()).as("a removed movie stays imported").isEqualTo(5);
        assertThat(state.get("moviesRemaining").asLong()).isEqualTo(14);
        await().atMost(Duration.ofSeconds(30)).until(() -> removedSince(BY_YEAR) != null);
        assertThat(removedSince(BY_EXPORT)).isEqualTo(REMOVED_AT.toString());
        assertThat(removedSince(BY_FESTIVAL)).as("one the export lists").isNull();
        assertThat(http.getForEntity("/api/movies/" + SKIPPED_BY_YEAR, String.class).getStatusCode())
                .as("a skipped movie's removal makes no movie of it").isEqualTo(HttpStatus.NOT_FOUND);

        assertThat(ids("/api/movies?removed=true")).containsExactly(BY_YEAR, BY_EXPORT);
        assertThat(total("/api/movies?removed=true")).isEqualTo(2);
        assertThat(ids("/api/movies?removed=false")).containsExactlyInAnyOrder(BY_FESTIVAL, BY_LIST,
                FAILED_THEN_IMPORTED);
        assertThat(total("/api/movies?removed=false")).isEqualTo(3);
        assertThat(ids("/api/movies?year=1990&removed=true")).containsExactly(BY_YEAR);
        assertThat(total("/api/movies?year=1990&removed=true")).isEqualTo(1);
        assertThat(ids("/api/movies?year=1990&removed=false")).containsExactly(BY_LIST);
        assertThat(total("/api/movies?year=1990&removed=false")).isEqualTo(1);
        assertThat(total("/api/movies?year=1990")).as("the year's movies, removed or not").isEqualTo(2);
        assertThat(ids("/api/movies?q=movie 504&removed=true")).containsExactly(BY_EXPORT);
        JsonNode listed = http.getForObject("/api/movies?removed=true", JsonNode.class).get("items").get(0);
        assertThat(listed.get("removedFromTmdbAt").asText()).isEqualTo(REMOVED_AT.toString());
    }

    @Test
    @Order(3)
    void aRestoredMovieIsNoLongerMarkedAndIsAccountedForAgain() {
        publish(new MovieRestoredOnTmdb(BY_YEAR, EXPORT.plusDays(1)),
                new MovieRestoredOnTmdb(SKIPPED_BY_YEAR, EXPORT.plusDays(1)));

        awaitState(answer -> answer.get("accountedMovies").asLong() == 8);
        await().atMost(Duration.ofSeconds(30)).until(() -> removedSince(BY_YEAR) == null);
        assertThat(ids("/api/movies?removed=true")).containsExactly(BY_EXPORT);
        assertThat(ids("/api/movies?year=1990&removed=false")).containsExactlyInAnyOrder(BY_YEAR, BY_LIST);
    }

    @Test
    @Order(4)
    void anExportsTotalReplacesDiscoversForGoodAndCompletionStopsAt99Point99UntilASweepWentThroughIt() {
        publish(new TmdbTotalUpdated(8, "export"));
        JsonNode unswept = awaitState(answer -> answer.get("tmdbTotalMovies").asLong() == 8);
        assertThat(unswept.get("moviesRemaining").asLong()).isZero();
        assertThat(stateText()).as("as many accounted for, but no sweep went through the export yet")
                .contains("\"completionPercentage\":99.99,");


        publish(new TmdbTotalUpdated(30, "discover"), new TmdbTotalUpdated(9, "export"));
        awaitState(answer -> answer.get("tmdbTotalMovies").asLong() == 9);
        assertThat(stateText()).as("8 of 9, rounded down").contains("\"completionPercentage\":88.88,");

        // 9,999 movies of 10,000: 99.99, not rounded up to 100.
        List<Object> skips = new ArrayList<>();
        for (int id = 600_001; id <= 600_000 + 9_991; id++) {
            skips.add(skipped(id, "export"));
        }
        publish(skips.toArray());
        publish(new TmdbTotalUpdated(10_000, "export"), new TmdbTotalUpdated(9_999, "discover"));
        JsonNode almost = awaitState(answer -> answer.get("accountedMovies").asLong() == 9_999
                && answer.get("tmdbTotalMovies").asLong() == 10_000);
        assertThat(stateText()).contains("\"completionPercentage\":99.99,");
        assertThat(almost.get("moviesRemaining").asLong()).isEqualTo(1);
    }

    @Test
    @Order(5)
    void theSweepsShowOnTheStateAndTheirWithheldRemovalsAndFailuresOnTheHealthUntilOneCompletesWell() {
        bringTheCommandSidesTablesInLineWithTheEvents();
        assertThat(health().get("status").asText()).as("%s", health()).isEqualTo("ok");
        assertThat(state().get("exportSweep").isNull()).as("before any sweep").isTrue();
        assertThat(state().get("lastExportSweep").isNull()).isTrue();

        Instant started = Instant.parse("2026-11-23T03:00:00Z");
        publishAt(started, new ExportSweepStarted(EXPORT, ImportTrigger.SCHEDULE, false));
        JsonNode reading = awaitState(answer -> !answer.get("exportSweep").isNull()).get("exportSweep");
        assertThat(reading.get("status").asText()).isEqualTo("reading");
        assertThat(reading.get("exportDate").asText()).isEqualTo("2026-11-22");
        assertThat(reading.get("startedAt").asText()).isEqualTo(started.toString());

        publish(new ExportRead(EXPORT, 10_010, 10_005, 10_000, 5, List.of(3L, 7L)),
                new ExportSweepProgressed(EXPORT, 4_000, 3_500, 12));
        JsonNode sweeping = awaitState(answer -> answer.get("exportSweep").get("done").asLong() == 3_500)
                .get("exportSweep");
        assertThat(sweeping.get("status").asText()).isEqualTo("sweeping");
        assertThat(sweeping.get("counted").asLong()).isEqualTo(10_000);
        assertThat(sweeping.get("new").asLong()).isEqualTo(12);

        Instant completedAt = Instant.parse("2026-11-23T05:00:00Z");
        publishAt(completedAt, new ExportSweepCompleted(EXPORT, 10_010, 10_000, 9_950, 50, 0, 0, 4_000, 100));
        JsonNode last = awaitState(answer -> !answer.get("lastExportSweep").isNull()).get("lastExportSweep");
        assertThat(last.get("exportDate").asText()).isEqualTo("2026-11-22");
        assertThat(last.get("completedAt").asText()).isEqualTo(completedAt.toString());
        assertThat(last.get("counted").asLong()).isEqualTo(10_000);
        assertThat(last.get("new").asLong()).isEqualTo(50);
        assertThat(last.get("removed").asLong()).isZero();
        assertThat(last.get("removalsWithheld").asLong()).isEqualTo(4_000);
        assertThat(state().get("exportSweep").get("status").asText()).isEqualTo("completed");
        JsonNode withheld = health();
        assertThat(withheld.get("status").asText()).as("%s", withheld).isEqualTo("warning");
        assertThat(withheld.get("message").asText()).contains("of 2026-11-22 found 4000 movies")
                .contains("more than the 100 one sweep records").contains("?confirmRemovals=true");

        publish(new ExportSweepFailed(EXPORT.plusDays(1), "TMDb's export was cut short after 812 lines."));
        await().atMost(Duration.ofSeconds(30)).until(() -> health().get("message").asText().contains("cut short"));
        assertThat(health().get("status").asText()).isEqualTo("warning");
        assertThat(health().get("message").asText()).as("the withheld removals still wait").contains("found 4000");
        assertThat(state().get("exportSweep").get("reason").asText()).contains("cut short");

        publish(new ExportSweepStarted(EXPORT.plusDays(2), ImportTrigger.ADMIN, true));
        awaitState(answer -> "reading".equals(answer.get("exportSweep").get("status").asText()));
        assertThat(health().get("message").asText()).as("a sweep started has not succeeded yet")
                .contains("cut short");
        publish(new ExportSweepCompleted(EXPORT.plusDays(2), 10_010, 10_000, 10_000, 0, 4_000, 0, 0, 100));
        awaitState(answer -> answer.get("lastExportSweep").get("removed").asLong() == 4_000);
        JsonNode healthy = health();
        assertThat(healthy.get("status").asText()).isEqualTo("ok");
        assertThat(healthy.get("message").asText()).doesNotContain("sweep");

        // Every movie of an export's total accounted for, and a sweep went through that export: exactly 100.00.
        publish(new TmdbTotalUpdated(9_999, "export"));
        awaitState(answer -> answer.get("tmdbTotalMovies").asLong() == 9_999);
        assertThat(stateText()).as("not swept yet").contains("\"completionPercentage\":99.99,");
        publish(new ExportSweepCompleted(EXPORT.plusDays(3), 10_009, 9_999, 9_999, 0, 0, 0, 0, 100));
        awaitState(answer -> answer.get("lastExportSweep").get("counted").asLong() == 9_999);
        assertThat(stateText()).contains("\"completionPercentage\":100.00,");
    }

    @Test
    @Order(6)
    void aReplayOfEachProjectionTheExportTouchesGivesTheSameRowsAndAnswers() {
        awaitCaughtUp();
        Map<String, List<String>> rows = ReadModels.rows(jdbc);
        Map<String, String> answers = answers();
        assertThat(rows.get("movie_counts")).containsExactly("(imported,5)", "(removed,1)");
        assertThat(rows.get("import_state_counts")).containsExactly("(removed_from_tmdb,2)");
        assertThat(rows.get("failed_movies")).containsExactly("(521)", "(524)");

        for (String projection : List.of("movies", "import-state", "skipped-imports", "import-failures")) {
            assertThat(http.withBasicAuth("admin", ApplicationTest.ADMIN_PASSWORD).postForEntity(
                    "/api/admin/projections/" + projection + "/replay", null, String.class).getStatusCode())
                    .isEqualTo(HttpStatus.ACCEPTED);
            await().atMost(Duration.ofSeconds(60)).until(() -> replayed(projection));
            awaitCaughtUp();
            assertThat(ReadModels.rows(jdbc)).as("rows after the replay of %s", projection).isEqualTo(rows);
            assertThat(answers()).as("answers after the replay of %s", projection).isEqualTo(answers);
        }
    }

    /**
     * The outcomes and removals above were published as the command side records them, but its own tables (its
     * ledgers) never saw them: the health would say they lost rows, an error before anything else. Rebuilt from the
     * events, as the runbook has it, they hold what the command side would have written.
     */
    private void bringTheCommandSidesTablesInLineWithTheEvents() {
        TestRestTemplate admin = http.withBasicAuth("admin", ApplicationTest.ADMIN_PASSWORD);
        for (JsonNode table : admin.getForObject("/api/admin/tables", JsonNode.class)) {
            if (!"derived".equals(table.get("kind").asText())) {
                continue;
            }
            String name = table.get("name").asText();
            Instant asked = Instant.now();
            assertThat(admin.postForEntity("/api/admin/tables/" + name + "/rebuild", null, String.class)
                    .getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                for (JsonNode status : admin.getForObject("/api/admin/tables", JsonNode.class)) {
                    if (name.equals(status.get("name").asText())) {
                        JsonNode last = status.path("lastRebuild");
                        return "present".equals(status.path("state").asText()) && last.hasNonNull("completedAt")
                                && !Instant.parse(last.get("completedAt").asText()).isBefore(asked);
                    }
                }
                return false;
            });
        }
    }

    private Map<String, String> answers() {
        Map<String, String> answers = new LinkedHashMap<>();
        for (String path : List.of("/api/import/state", "/api/sync/health", "/api/movies?removed=true",
                "/api/movies?removed=false", "/api/movies/" + BY_EXPORT, "/api/import/failures",
                "/api/import/skipped?limit=5")) {
            answers.put(path, http.getForObject(path, String.class));
        }
        return answers;
    }

    private boolean replayed(String projection) {
        for (JsonNode status : http.getForObject("/api/projections", JsonNode.class)) {
            if (projection.equals(status.get("name").asText())) {
                return !status.get("rebuild").isNull()
                        && "completed".equals(status.get("rebuild").get("state").asText());
            }
        }
        return false;
    }

    private void awaitCaughtUp() {
        await().atMost(Duration.ofSeconds(60)).until(() -> http.getForObject("/api/projections", JsonNode.class)
                .findValuesAsText("caughtUp").stream().allMatch("true"::equals));
    }

    private static MovieImported imported(int id, Integer year, String source) {
        return new MovieImported(id, "tt0" + id, "Movie " + id, year == null ? null : LocalDate.of(year, 3, 1), year,
                source, "{\"id\": " + id + ", \"popularity\": " + (1000 - id) + "}");
    }

    private static MovieSkipped skipped(int id, String source) {
        return new MovieSkipped(id, null, "Skipped " + id, null, source, MovieSkipped.QUALITY_FILTER,
                List.of("has_poster", "has_votes"));
    }

    private static MovieImportFailed failed(int id, String source, int attempt) {
        return new MovieImportFailed(id, null, "Failed " + id, null, source, MovieImportFailed.HTTP_ERROR, attempt,
                "TMDb answered 503");
    }

    private void publish(Object... payloads) {
        transactions.executeWithoutResult(status -> events.publish(payloads));
    }

    private void publishAt(Instant at, Object... payloads) {
        List<Object> messages = new ArrayList<>();
        for (Object payload : payloads) {
            messages.add(new GenericEventMessage<>(new GenericMessage<>(payload), () -> at));
        }
        publish(messages.toArray());
    }

    private JsonNode state() {
        return http.getForObject("/api/import/state", JsonNode.class);
    }

    /** The answer as sent: a number's decimals as written, which a JSON tree would not keep. */
    private String stateText() {
        return http.getForObject("/api/import/state", String.class);
    }

    private JsonNode awaitState(Predicate<JsonNode> reached) {
        return await().atMost(Duration.ofSeconds(60)).until(this::state, reached);
    }

    private JsonNode health() {
        return http.getForObject("/api/sync/health", JsonNode.class);
    }

    private String removedSince(int tmdbId) {
        JsonNode movie = http.getForObject("/api/movies/" + tmdbId, JsonNode.class);
        return movie.get("removedFromTmdbAt").isNull() ? null : movie.get("removedFromTmdbAt").asText();
    }

    private List<Integer> ids(String path) {
        List<Integer> ids = new ArrayList<>();
        http.getForObject(path, JsonNode.class).get("items").forEach(movie -> ids.add(movie.get("tmdbId").asInt()));
        return ids;
    }

    private long total(String path) {
        return http.getForObject(path, JsonNode.class).get("total").asLong();
    }
}
