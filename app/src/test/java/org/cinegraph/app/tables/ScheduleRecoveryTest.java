package org.cinegraph.app.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import javax.sql.DataSource;
import org.cinegraph.app.CinegraphApplication;
import org.cinegraph.command.schedule.DailyImportRecovery;
import org.cinegraph.kernel.tables.TableDefinitions;
import org.cinegraph.sandbox.TmdbSandboxServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily import's coordination tables lost (its saga store, its deadlines), recreated empty from their
 * definitions: the schedule comes back whole, once, when a node starts and when asked, with the tick where the saga
 * had it, and the tick fires into the saga as before.
 */
class ScheduleRecoveryTest {

    private static final int THIS_YEAR = Year.now(ZoneOffset.UTC).getValue();
    private static final List<String> SAGA_STORE = List.of("saga_entry", "association_value_entry");
    private static final String DEADLINES = "scheduled_tasks";
    /** A deadline's details, serialized by db-scheduler, hold its name as written. */
    private static final String IS_TICK = "position(convert_to('daily-import-tick', 'UTF8') in task_data) > 0";

    @TempDir
    Path dataDir;

    @Test
    void aLostSagaAndItsDeadlinesComeBackOnceAtStartAndOnDemandAndTheTickFiresIntoTheSaga() throws Exception {
        // Not due before the test makes it due.
        Instant tick = Instant.now().truncatedTo(ChronoUnit.SECONDS).plus(Duration.ofMinutes(10));
        Instant tomorrow = tick.plus(Duration.ofDays(1));
        ZonedDateTime at = tick.atZone(ZoneOffset.UTC);
        try (EmbeddedPostgres database = EmbeddedPostgres.builder().start()) {
            JdbcClient jdbc = JdbcClient.create(database.getPostgresDatabase());
            String[] on = {"cinegraph.data-dir=" + dataDir,
                    "spring.datasource.url=" + database.getJdbcUrl("postgres", "postgres"),
                    "spring.datasource.username=postgres", "cinegraph.schedule.enabled=true",
                    "cinegraph.schedule.daily-import-cron=" + at.getSecond() + " " + at.getMinute() + " " + at.getHour()
                            + " * * *",
                    "db-scheduler.polling-interval=500ms",
                    "cinegraph.import.first-year=" + THIS_YEAR, "cinegraph.import.last-year=" + THIS_YEAR};

            try (ConfigurableApplicationContext node = start(on)) {
                await().atMost(Duration.ofSeconds(20))
                        .until(() -> sagas(jdbc).size() == 1 && ticks(jdbc).equals(List.of(tick)));
            }
            lose(database.getPostgresDatabase(), SAGA_STORE);
            lose(database.getPostgresDatabase(), List.of(DEADLINES));

            try (ConfigurableApplicationContext node = start(on)) {
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> sagas(jdbc).size() == 1 && ticks(jdbc).equals(List.of(tick)));
                Thread.sleep(2_000);
                assertThat(sagas(jdbc)).as("restored at the start, once").hasSize(1);
                assertThat(deadlines(jdbc)).containsExactly(tick);
                assertThat(nextRunAt(node)).isEqualTo(tick);
                DailyImportRecovery recovery = node.getBean(DailyImportRecovery.class);
                assertThat(recovery.restore().whole()).isTrue();

                // The tick fires with TMDb down: the year it starts runs on, waiting for TMDb, with its stall check.
                TmdbSandboxServer sandbox = node.getBean(TmdbSandboxServer.class);
                sandbox.faults().failAlways(503);
                fireTheTick(jdbc);
                await().atMost(Duration.ofSeconds(30)).until(() -> triggered(jdbc).size() == 1);
                assertThat(triggered(jdbc)).containsExactly(tick);
                await().atMost(Duration.ofSeconds(20)).until(() -> deadlines(jdbc).size() == 2);
                assertThat(ticks(jdbc)).containsExactly(tomorrow);

                lose(database.getPostgresDatabase(), SAGA_STORE);
                lose(database.getPostgresDatabase(), List.of(DEADLINES));
                DailyImportRecovery.Restoration restored = recovery.restore();
                assertThat(restored.sagaStarted()).isTrue();
                assertThat(restored.tickScheduledFor()).isEqualTo(tomorrow);
                assertThat(restored.stallChecksFor()).containsExactly(THIS_YEAR);
                assertThat(sagas(jdbc)).hasSize(1);
                assertThat(ticks(jdbc)).containsExactly(tomorrow);
                assertThat(deadlines(jdbc)).hasSize(2);
                assertThat(recovery.restore().whole()).as("once whole, a restore changes nothing").isTrue();
                assertThat(sagas(jdbc)).hasSize(1);
                assertThat(deadlines(jdbc)).hasSize(2);

                // The deadlines lost alone: the saga stays as it is.
                String saga = sagas(jdbc).get(0);
                lose(database.getPostgresDatabase(), List.of(DEADLINES));
                restored = recovery.restore();
                assertThat(restored.sagaStarted()).isFalse();
                assertThat(restored.tickScheduledFor()).isEqualTo(tomorrow);
                assertThat(restored.stallChecksFor()).containsExactly(THIS_YEAR);
                assertThat(sagas(jdbc)).containsExactly(saga);

                // The saga lost alone: it comes back, under the id its deadlines name, and its tick fires into it.
                lose(database.getPostgresDatabase(), SAGA_STORE);
                restored = recovery.restore();
                assertThat(restored.sagaStarted()).isTrue();
                assertThat(restored.tickScheduledFor()).isNull();
                assertThat(restored.stallChecksFor()).isEmpty();
                assertThat(sagas(jdbc)).containsExactly(saga);
                sandbox.faults().reset();
                fireTheTick(jdbc);
                await().atMost(Duration.ofSeconds(30)).until(() -> triggered(jdbc).size() == 2);
                assertThat(triggered(jdbc)).containsExactly(tick, tomorrow);
                Instant afterTomorrow = tomorrow.plus(Duration.ofDays(1));
                await().atMost(Duration.ofSeconds(20)).until(() -> ticks(jdbc).equals(List.of(afterTomorrow)));
                assertThat(nextRunAt(node)).isEqualTo(afterTomorrow);
                assertThat(sagas(jdbc)).containsExactly(saga);
            }
        }
    }

    private static ConfigurableApplicationContext start(String... properties) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--cinegraph.admin.password=recovery"));
        for (String property : properties) {
            args.add("--" + property);
        }
        return new SpringApplicationBuilder(CinegraphApplication.class).run(args.toArray(String[]::new));
    }

    /** The tables dropped and recreated empty from their definitions, as a node recovering them does. */
    private static void lose(DataSource database, List<String> tables) {
        JdbcClient jdbc = JdbcClient.create(database);
        new TransactionTemplate(new DataSourceTransactionManager(database)).executeWithoutResult(status -> {
            for (String table : tables) {
                jdbc.sql("DROP TABLE " + table).update();
                TableDefinitions.bundled().find(table).orElseThrow().statements()
                        .forEach(statement -> jdbc.sql(statement).update());
            }
        });
    }

    /** The daily tick pending is due now. */
    private static void fireTheTick(JdbcClient jdbc) {
        assertThat(jdbc.sql("UPDATE scheduled_tasks SET execution_time = now() WHERE " + IS_TICK).update()).isOne();
    }

    /**
     * The daily import's sagas, each checked to be found by its schedule: both read by one statement, so from one
     * snapshot (two statements could fall on either side of the commit that starts a saga).
     */
    private static List<String> sagas(JdbcClient jdbc) {
        List<List<String>> read = jdbc.sql("""
                        SELECT ARRAY(SELECT saga_id FROM saga_entry WHERE saga_type LIKE '%DailyImportSaga'
                                      ORDER BY saga_id) AS sagas,
                               ARRAY(SELECT saga_id FROM association_value_entry WHERE association_key = 'scheduleId'
                                      ORDER BY saga_id) AS scheduled""")
                .query((rs, row) -> List.of(List.of((String[]) rs.getArray("sagas").getArray()),
                        List.of((String[]) rs.getArray("scheduled").getArray())))
                .single();
        assertThat(read.get(1)).as("each saga found by its schedule").isEqualTo(read.get(0));
        return read.get(0);
    }

    /** When each of the saga's deadlines is due: its tick and its stall checks. */
    private static List<Instant> deadlines(JdbcClient jdbc) {
        return jdbc.sql("SELECT execution_time FROM scheduled_tasks WHERE task_name = 'AxonDeadline' ORDER BY 1")
                .query(Timestamp.class).list().stream().map(Timestamp::toInstant).toList();
    }

    private static List<Instant> ticks(JdbcClient jdbc) {
        return jdbc.sql("SELECT execution_time FROM scheduled_tasks WHERE task_name = 'AxonDeadline' AND " + IS_TICK)
                .query(Timestamp.class).list().stream().map(Timestamp::toInstant).toList();
    }

    /** The ticks the pass handled, in the order it handled them. */
    private static List<Instant> triggered(JdbcClient jdbc) {
        return jdbc.sql("""
                        SELECT CAST(convert_from(payload, 'UTF8') AS jsonb) ->> 'scheduledFor' FROM domain_event_entry
                         WHERE payload_type = 'org.cinegraph.events.ImportTriggered' ORDER BY global_index""")
                .query(String.class).list().stream().map(Instant::parse).toList();
    }

    private static Instant nextRunAt(ConfigurableApplicationContext node) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + node.getEnvironment().getProperty("local.server.port") + "/api/schedule"))
                .build(), HttpResponse.BodyHandlers.ofString());
        JsonNode schedule = new ObjectMapper().readTree(response.body());
        return Instant.parse(schedule.get("nextRunAt").asText());
    }
}
