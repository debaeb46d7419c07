package org.cinegraph.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.Year;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The daily import's saga on the real DbSchedulerDeadlineManager and PostgreSQL: its tick is a row of
 * {@code scheduled_tasks}, which outlives the node that scheduled it and fires once when two nodes poll it; the
 * schedule switched off ends the saga and leaves no deadline.
 */
class DailyImportDeadlinesTest {

    private static final int THIS_YEAR = Year.now(ZoneOffset.UTC).getValue();

    @Test
    void theTickIsADeadlineRowThatSurvivesARestartAndFiresOnceWithTwoNodes() throws Exception {
        // Not due before both nodes run: the test makes it due then.
        Instant tick = Instant.now().truncatedTo(ChronoUnit.SECONDS).plus(Duration.ofMinutes(10));
        ZonedDateTime at = tick.atZone(ZoneOffset.UTC);
        String cron = at.getSecond() + " " + at.getMinute() + " " + at.getHour() + " * * *";
        try (EmbeddedPostgres database = EmbeddedPostgres.builder().start()) {
            JdbcClient jdbc = JdbcClient.create(database.getPostgresDatabase());
            List<String> on = new ArrayList<>(List.of(
                    "spring.datasource.url=" + database.getJdbcUrl("postgres", "postgres"),
                    "spring.datasource.username=postgres", "cinegraph.schedule.enabled=true",
                    "cinegraph.schedule.daily-import-cron=" + cron, "db-scheduler.polling-interval=500ms",
                    "cinegraph.import.first-year=" + THIS_YEAR, "cinegraph.import.last-year=" + THIS_YEAR));

            try (RunningApp node = RunningApp.start(on.toArray(String[]::new))) {
                assertThat(node.context().getBean(DeadlineManager.class)).isInstanceOf(DbSchedulerDeadlineManager.class);
                await().atMost(Duration.ofSeconds(20)).until(() -> sagas(jdbc) == 1 && deadlines(jdbc).equals(List.of(tick)));
                JsonNode schedule = node.json(node.get("/api/schedule"));
                assertThat(schedule.get("enabled").asBoolean()).isTrue();
                assertThat(schedule.get("cron").asText()).isEqualTo(cron);
                assertThat(schedule.get("firstYear").asInt()).isEqualTo(THIS_YEAR);
                assertThat(Instant.parse(schedule.get("nextRunAt").asText())).isEqualTo(tick);
                assertThat(schedule.get("lastRunAt").isNull()).isTrue();
            }
            assertThat(deadlines(jdbc)).as("the tick outlives its node").containsExactly(tick);

            // Two nodes in JVMs of their own: in one JVM they would share a name, to Axon and to db-scheduler alike.
            Path logs = Path.of("target", "daily-import-deadlines");
            try (ChildApp first = ChildApp.start(logs.resolve("first.log"), on.toArray(String[]::new));
                 ChildApp second = ChildApp.start(logs.resolve("second.log"), on.toArray(String[]::new))) {
                jdbc.sql("UPDATE scheduled_tasks SET execution_time = now() WHERE task_name = 'AxonDeadline'").update();
                await().atMost(Duration.ofSeconds(30)).until(() -> !StoredEvents.of(jdbc, "ImportTriggered").isEmpty());
                // Both nodes poll every half second: a second firing would have come by now.
                Thread.sleep(3_000);
                for (String log : List.of("first.log", "second.log")) {
                    assertThat(Files.readString(logs.resolve(log))).as("the tick fired once, not twice and "
                            + "then found handled").doesNotContain("was handled before");
                }

                List<JsonNode> triggered = StoredEvents.of(jdbc, "ImportTriggered");
                assertThat(triggered).hasSize(1);
                assertThat(Instant.parse(triggered.get(0).get("scheduledFor").asText())).isEqualTo(tick);
                assertThat(StoredEvents.of(jdbc, "ImportScheduleStarted")).as("recorded by the first start only")
                        .hasSize(1);
                assertThat(sagas(jdbc)).isOne();
                for (ChildApp node : List.of(first, second)) {
                    JsonNode schedule = schedule(node);
                    assertThat(Instant.parse(schedule.get("nextRunAt").asText())).isEqualTo(tick.plus(Duration.ofDays(1)));
                    assertThat(schedule.get("lastAction").asText()).isEqualTo("start_year");
                }
                // The tick of tomorrow and the stall check of the year the tick started.
                await().atMost(Duration.ofSeconds(20)).until(() -> deadlines(jdbc).size() == 2);
            }

            on.set(2, "cinegraph.schedule.enabled=false");
            try (RunningApp node = RunningApp.start(on.toArray(String[]::new))) {
                await().atMost(Duration.ofSeconds(20)).until(() -> sagas(jdbc) == 0 && deadlines(jdbc).isEmpty());
                assertThat(StoredEvents.of(jdbc, "ImportScheduleStopped")).hasSize(1);
                JsonNode schedule = node.json(node.get("/api/schedule"));
                assertThat(schedule.get("enabled").asBoolean()).isFalse();
                assertThat(schedule.get("nextRunAt").isNull()).isTrue();
            }
        }
    }

    private static JsonNode schedule(ChildApp node) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.port() + "/api/schedule")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return new ObjectMapper().readTree(response.body());
    }

    private static int sagas(JdbcClient jdbc) {
        return jdbc.sql("SELECT count(*) FROM saga_entry WHERE saga_type LIKE '%DailyImportSaga'")
                .query(Integer.class).single();
    }

    /** When each deadline Axon keeps in db-scheduler's table is due. */
    private static List<Instant> deadlines(JdbcClient jdbc) {
        return jdbc.sql("SELECT execution_time FROM scheduled_tasks WHERE task_name = 'AxonDeadline' ORDER BY 1")
                .query(Timestamp.class).list().stream().map(Timestamp::toInstant).toList();
    }
}
