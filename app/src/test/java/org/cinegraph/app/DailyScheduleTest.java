package org.cinegraph.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.Year;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The daily schedule with a cron of one second: the pass imports the range newest first, each year once, then
 * keeps the catalogue fresh from TMDb's change feed; a tick missed while the application was down fires once
 * when it starts again.
 */
class DailyScheduleTest {

    private static final int THIS_YEAR = Year.now(ZoneOffset.UTC).getValue();
    private static final List<Integer> RANGE = List.of(THIS_YEAR, THIS_YEAR - 1, THIS_YEAR - 2);

    @TempDir
    Path dataDir;

    @Test
    void aContinuousPassImportsTheRangeNewestFirstEachYearOnceThenSyncsChanges() throws Exception {
        // One tick a minute, a few seconds from now: the pass, not further ticks, takes the range.
        int second = (Instant.now().atZone(ZoneOffset.UTC).getSecond() + 5) % 60;
        try (RunningApp app = RunningApp.start(withCron(second + " * * * * *", true))) {
            JdbcClient jdbc = app.jdbc();
            await().atMost(Duration.ofSeconds(120)).until(() -> !StoredEvents.of(jdbc, "ChangeSyncCompleted").isEmpty());

            List<JsonNode> starts = StoredEvents.of(jdbc, "YearImportStarted");
            assertThat(starts).extracting(start -> start.get("year").asInt()).containsExactlyElementsOf(RANGE);
            assertThat(starts).extracting(start -> start.get("trigger").asText())
                    .containsExactly("SCHEDULE", "CONTINUATION", "CONTINUATION");
            assertThat(StoredEvents.of(jdbc, "YearImportCompleted")).extracting(done -> done.get("year").asInt())
                    .containsExactlyElementsOf(RANGE);
            assertThat(StoredEvents.of(jdbc, "FullSyncCompleted")).hasSize(1);
            assertEachTickFiredOnce(jdbc);

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                JsonNode state = app.json(app.get("/api/import/state"));
                assertThat(state.get("lastFullSync").isTextual()).isTrue();
                assertThat(state.get("lastUpdateCheck").isTextual()).isTrue();
                assertThat(state.get("currentImportYear").isNull()).isTrue();
                assertThat(state.get("lastCompletedYear").asInt()).isEqualTo(THIS_YEAR - 2);
                assertThat(app.json(app.get("/api/import/years")).get("etaSeconds").asLong()).isZero();
            });
            JsonNode health = app.json(app.get("/api/sync/health"));
            assertThat(health.get("status").asText()).isEqualTo("ok");
            assertThat(health.get("hoursSinceLastSync").asDouble()).isLessThan(0.1);
        }
    }

    @Test
    void withoutContinuousEachYearWaitsForATickOfItsOwn() throws Exception {
        try (RunningApp app = RunningApp.start(everySecond(false))) {
            JdbcClient jdbc = app.jdbc();
            await().atMost(Duration.ofSeconds(120))
                    .until(() -> StoredEvents.of(jdbc, "YearImportCompleted").size() == RANGE.size());

            List<JsonNode> starts = StoredEvents.of(jdbc, "YearImportStarted");
            assertThat(starts).extracting(start -> start.get("year").asInt()).containsExactlyElementsOf(RANGE);
            assertThat(starts).extracting(start -> start.get("trigger").asText()).containsOnly("SCHEDULE");
            // While a year ran, the ticks that fired started nothing.
            assertThat(StoredEvents.of(jdbc, "ImportTriggered")).extracting(tick -> tick.get("action").asText())
                    .contains("YEAR_IN_PROGRESS");
            assertEachTickFiredOnce(jdbc);
        }
    }

    @Test
    void aTickMissedWhileTheApplicationWasDownFiresOnceWhenItStartsAgain() throws Exception {
        // A daily tick a minute from now, which the application is down for.
        Instant tick = Instant.now().truncatedTo(ChronoUnit.SECONDS).plus(Duration.ofSeconds(60));
        ZonedDateTime at = tick.atZone(ZoneOffset.UTC);
        try (EmbeddedPostgres database = EmbeddedPostgres.builder().start()) {
            String[] daily = {"spring.datasource.url=" + database.getJdbcUrl("postgres", "postgres"),
                    "spring.datasource.username=postgres", "cinegraph.schedule.enabled=true",
                    "cinegraph.schedule.daily-import-cron=" + at.getSecond() + " " + at.getMinute() + " " + at.getHour()
                            + " * * *",
                    "db-scheduler.polling-interval=1s",
                    "cinegraph.import.first-year=" + THIS_YEAR, "cinegraph.import.last-year=" + THIS_YEAR};
            JdbcClient jdbc = JdbcClient.create(database.getPostgresDatabase());
            try (RunningApp app = RunningApp.start(daily)) {
                await().atMost(Duration.ofSeconds(20)).until(() -> nextTicks(jdbc).equals(List.of(tick)));
                assertThat(StoredEvents.of(jdbc, "ImportTriggered")).isEmpty();
            }
            assertThat(Instant.now()).as("the application stopped before its tick").isBefore(tick);
            await().atMost(Duration.ofSeconds(90)).until(() -> Instant.now().isAfter(tick.plusSeconds(2)));

            try (RunningApp app = RunningApp.start(daily)) {
                await().atMost(Duration.ofSeconds(30)).until(() -> !StoredEvents.of(jdbc, "ImportTriggered").isEmpty());
                Thread.sleep(3_000);

                List<JsonNode> triggered = StoredEvents.of(jdbc, "ImportTriggered");
                assertThat(triggered).hasSize(1);
                assertThat(Instant.parse(triggered.get(0).get("scheduledFor").asText())).isEqualTo(tick);
                assertThat(triggered.get(0).get("action").asText()).isEqualTo("START_YEAR");
                JsonNode schedule = app.json(app.get("/api/schedule"));
                assertThat(Instant.parse(schedule.get("nextRunAt").asText())).isEqualTo(tick.plus(Duration.ofDays(1)));
                assertThat(schedule.get("lastAction").asText()).isEqualTo("start_year");
            }
        }
    }

    /** When the pending deadlines of Axon's db-scheduler task are due: the saga's tick, once no year started. */
    private static List<Instant> nextTicks(JdbcClient jdbc) {
        return jdbc.sql("SELECT execution_time FROM scheduled_tasks WHERE task_name = 'AxonDeadline' AND NOT picked")
                .query(Timestamp.class).list().stream().map(Timestamp::toInstant).toList();
    }

    private String[] everySecond(boolean continuous) {
        return withCron("* * * * * *", continuous);
    }

    private String[] withCron(String cron, boolean continuous) {
        return new String[] {"cinegraph.data-dir=" + dataDir, "cinegraph.schedule.enabled=true",
                "cinegraph.schedule.daily-import-cron=" + cron, "db-scheduler.polling-interval=500ms",
                "cinegraph.import.continuous=" + continuous,
                "cinegraph.import.first-year=" + RANGE.get(0), "cinegraph.import.last-year=" + RANGE.get(2)};
    }

    /** Every tick of the schedule that fired was handled once, however many polls saw it due. */
    private static void assertEachTickFiredOnce(JdbcClient jdbc) {
        List<String> ticks = StoredEvents.of(jdbc, "ImportTriggered").stream()
                .filter(tick -> tick.get("trigger").asText().equals("SCHEDULE"))
                .map(tick -> tick.get("scheduledFor").asText()).toList();
        assertThat(ticks).isNotEmpty().doesNotHaveDuplicates();
    }
}
