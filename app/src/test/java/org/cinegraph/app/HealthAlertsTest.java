package org.cinegraph.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.cinegraph.sandbox.TmdbSandboxServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Each change of the import's health is POSTed once to the webhook, with its header; a webhook that fails gets
 * retries, a recorded failure, and a later try; every sending is listed by {@code GET /api/admin/alerts}, and neither
 * the webhook's path nor its header shows in a log, an event or an answer.
 */
@ExtendWith(OutputCaptureExtension.class)
class HealthAlertsTest {

    private static final int YEAR = Year.now(ZoneOffset.UTC).getValue() - 1;

    @TempDir
    Path dataDir;

    @Test
    void aYearFailingOnRefusedCredentialsIsAnnouncedOnceAndTheHealthBackToOkOnce(CapturedOutput output)
            throws Exception {
        try (WebhookReceiver webhook = new WebhookReceiver(); RunningApp app = start(webhook, "0s")) {
            JdbcClient jdbc = app.jdbc();
            awaitFirstStatusRecorded(jdbc);
            assertThat(webhook.received()).as("the first status, ok, is no change").isEmpty();

            TmdbSandboxServer tmdb = app.context().getBean(TmdbSandboxServer.class);
            tmdb.faults().unauthorized(true);
            assertThat(app.postAsAdmin("/api/admin/imports/years/" + YEAR).statusCode()).isEqualTo(202);
            awaitYear(app, "failed");
            await().atMost(Duration.ofSeconds(30)).until(() -> webhook.received().size() == 1);
            // Many checks later, still the one POST.
            Thread.sleep(2_000);
            assertThat(webhook.received()).hasSize(1);
            JsonNode error = webhook.received().get(0).body();
            assertThat(error.path("status").asText()).isEqualTo("error");
            assertThat(error.path("previousStatus").asText()).isEqualTo("ok");
            assertThat(error.path("message").asText()).contains("The import of " + YEAR + " failed")
                    .contains("rejected the configured credentials");
            assertThat(error.path("node").asText()).isNotBlank();
            assertThat(Instant.parse(error.path("at").asText())).isBefore(Instant.now());
            assertThat(error.path("text").asText()).startsWith("Cinegraph import health: ERROR (was ok). The import of "
                    + YEAR + " failed").doesNotContain("\n");
            assertThat(webhook.received().get(0).header()).isEqualTo(WebhookReceiver.HEADER_VALUE);

            tmdb.faults().unauthorized(false);
            assertThat(app.postAsAdmin("/api/admin/imports/years/" + YEAR).statusCode()).isEqualTo(202);
            awaitYear(app, "completed");
            await().atMost(Duration.ofSeconds(30)).until(() -> webhook.received().size() == 2);
            Thread.sleep(2_000);
            assertThat(webhook.received()).hasSize(2);
            JsonNode ok = webhook.received().get(1).body();
            assertThat(ok.path("status").asText()).isEqualTo("ok");
            assertThat(ok.path("previousStatus").asText()).isEqualTo("error");

            JsonNode alerts = await().atMost(Duration.ofSeconds(30)).until(
                    () -> app.json(app.getAsAdmin("/api/admin/alerts")), answer -> answer.path("total").asInt() == 2);
            assertThat(alerts.at("/items/0/status").asText()).as("newest first").isEqualTo("ok");
            assertThat(alerts.at("/items/0/previousStatus").asText()).isEqualTo("error");
            assertThat(alerts.at("/items/1/status").asText()).isEqualTo("error");
            assertThat(alerts.findValuesAsText("outcome")).containsOnly("sent");
            assertThat(alerts.findValuesAsText("receiver")).containsOnly("127.0.0.1");
            assertThat(alerts.at("/items/1/message").asText()).isEqualTo(error.path("message").asText());
            assertThat(app.json(app.getAsAdmin("/api/admin/alerts?limit=1&offset=1")).at("/items/0/status").asText())
                    .isEqualTo("error");

            List<String> rows = rows(jdbc);
            assertThat(app.postAsAdmin("/api/admin/projections/health-alerts/replay").statusCode()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(60)).until(() -> caughtUp(app));
            assertThat(rows(jdbc)).as("the alerts replayed from their events").isEqualTo(rows);

            assertNoSecretIn(app.getAsAdmin("/api/admin/alerts").body());
            assertNoSecretIn(StoredEvents.of(jdbc, "HealthAlertSent").toString());
        }
        assertNoSecretIn(output.getAll());
    }

    @Test
    void aFailingWebhookGetsRetriesThenAFailureRecordedThenALaterTry(CapturedOutput output) throws Exception {
        try (WebhookReceiver webhook = new WebhookReceiver(); RunningApp app = start(webhook, "1s")) {
            JdbcClient jdbc = app.jdbc();
            awaitFirstStatusRecorded(jdbc);
            webhook.answer(500);

            credentialsRejected(jdbc);
            List<JsonNode> failed = await().atMost(Duration.ofSeconds(30))
                    .until(() -> StoredEvents.of(jdbc, "HealthAlertFailed"), events -> !events.isEmpty());
            assertThat(failed.get(0).path("attempts").asInt()).isEqualTo(3);
            assertThat(webhook.attempts()).isGreaterThanOrEqualTo(3);
            assertThat(failed.get(0).path("reason").asText()).isEqualTo("the webhook answered HTTP 500");
            assertThat(failed.get(0).path("status").asText()).isEqualTo("error");

            webhook.answer(200);
            await().atMost(Duration.ofSeconds(30)).until(() -> webhook.received().size() == 1);
            assertThat(webhook.received().get(0).body().path("status").asText()).isEqualTo("error");
            assertThat(webhook.received().get(0).body().path("previousStatus").asText()).isEqualTo("ok");

            JsonNode alerts = await().atMost(Duration.ofSeconds(30)).until(
                    () -> app.json(app.getAsAdmin("/api/admin/alerts")),
                    answer -> "sent".equals(answer.at("/items/0/outcome").asText()));
            JsonNode oldest = alerts.path("items").get(alerts.path("items").size() - 1);
            assertThat(oldest.path("outcome").asText()).isEqualTo("failed");
            assertThat(oldest.path("reason").asText()).isEqualTo("the webhook answered HTTP 500");
            assertNoSecretIn(alerts.toString());
            assertNoSecretIn(StoredEvents.of(jdbc, "HealthAlertFailed").toString());
        }
        assertNoSecretIn(output.getAll());
    }

    @Test
    void theAlertsAreForTheAdminOnlyAndTheirPagingIsChecked() throws Exception {
        try (WebhookReceiver webhook = new WebhookReceiver(); RunningApp app = start(webhook, "0s")) {
            assertThat(app.get("/api/admin/alerts").statusCode()).isEqualTo(401);
            var refused = app.getAsAdmin("/api/admin/alerts?limit=0");
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type")).contains("application/problem+json");
            assertThat(app.getAsAdmin("/api/admin/alerts?offset=x").statusCode()).isEqualTo(400);
            assertThat(app.json(app.getAsAdmin("/api/admin/alerts")).path("total").asInt()).isZero();
        }
    }

    private RunningApp start(WebhookReceiver webhook, String settle) {
        List<String> properties = new ArrayList<>(webhook.properties(settle));
        properties.add("cinegraph.data-dir=" + dataDir);
        return RunningApp.start(properties.toArray(String[]::new));
    }

    /** A failed delta sync refused by TMDb, written into the import state as its projection would: an error. */
    static void credentialsRejected(JdbcClient jdbc) {
        jdbc.sql("""
                        INSERT INTO import_state (key, value, position, updated_at)
                        VALUES ('change_sync_failure', 'TMDb rejected the configured credentials (HTTP 401).', 0, now()),
                               ('change_sync_credentials_rejected', 'true', 0, now())""").update();
    }

    static void awaitFirstStatusRecorded(JdbcClient jdbc) {
        await().atMost(Duration.ofSeconds(30)).until(() -> "ok".equals(jdbc.sql(
                "SELECT announced FROM health_alert_claim").query(String.class).optional().orElse(null)));
    }

    private static void awaitYear(RunningApp app, String status) {
        await().atMost(Duration.ofSeconds(90)).until(
                () -> status.equals(app.json(app.get("/api/import/years/" + YEAR)).path("status").asText()));
    }

    private static boolean caughtUp(RunningApp app) throws Exception {
        for (JsonNode projection : app.json(app.get("/api/projections"))) {
            if ("health-alerts".equals(projection.path("name").asText())) {
                return projection.path("caughtUp").asBoolean() && !projection.path("replaying").asBoolean();
            }
        }
        return false;
    }

    private static List<String> rows(JdbcClient jdbc) {
        return jdbc.sql("SELECT row_to_json(a)::text FROM health_alerts a ORDER BY event_id").query(String.class)
                .list();
    }

    static void assertNoSecretIn(String text) {
        assertThat(text).doesNotContain("SECRETPATH").doesNotContain(WebhookReceiver.HEADER_VALUE);
    }
}
