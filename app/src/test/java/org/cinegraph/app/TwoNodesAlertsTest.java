package org.cinegraph.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two nodes on one PostgreSQL, both judging the health and both with the webhook: a change is POSTed once, by one of
 * them; a claim left by a node that died while it sent holds the others off until its lease runs out, then one of
 * them sends.
 */
class TwoNodesAlertsTest {

    @Test
    void twoNodesAnnounceAChangeOnceAndTakeOverAClaimWhoseLeaseRanOut() throws Exception {
        try (EmbeddedPostgres database = EmbeddedPostgres.builder().start();
             WebhookReceiver webhook = new WebhookReceiver();
             RunningApp first = node(database, webhook);
             RunningApp second = node(database, webhook)) {
            JdbcClient jdbc = first.jdbc();
            HealthAlertsTest.awaitFirstStatusRecorded(jdbc);
            // A node died while it sent: its claim holds for a few seconds more.
            Instant leaseEnds = jdbc.sql("""
                            UPDATE health_alert_claim SET owner = 'died-while-sending', lease_until = now() + interval '4s'
                            RETURNING lease_until""").query(Instant.class).single();

            HealthAlertsTest.credentialsRejected(jdbc);
            await().atMost(Duration.ofSeconds(30)).until(() -> !webhook.received().isEmpty());
            assertThat(Instant.now()).as("not before the dead node's lease ran out").isAfter(leaseEnds);
            // Many checks of both nodes later, still the one POST.
            Thread.sleep(3_000);

            assertThat(webhook.received()).hasSize(1);
            assertThat(webhook.received().get(0).body().path("status").asText()).isEqualTo("error");
            assertThat(StoredEvents.of(jdbc, "HealthAlertSent")).hasSize(1);
            assertThat(StoredEvents.of(jdbc, "HealthAlertFailed")).isEmpty();
            assertThat(webhook.received().get(0).body().path("node").asText())
                    .isEqualTo(StoredEvents.of(jdbc, "HealthAlertSent").get(0).path("node").asText());
        }
    }

    /**
     * Nodes may judge the health differently (here their {@code stall-after}; in a cluster, their roles): the one that
     * announces first keeps announcing, so the webhook never gets each node's status in turn.
     */
    @Test
    void nodesThatJudgeDifferentlyAnnounceOnlyTheAnnouncersJudgement() throws Exception {
        try (EmbeddedPostgres database = EmbeddedPostgres.builder().start();
             WebhookReceiver webhook = new WebhookReceiver();
             RunningApp strict = node(database, webhook, "cinegraph.import.stall-after=PT1H")) {
            JdbcClient jdbc = strict.jdbc();
            HealthAlertsTest.awaitFirstStatusRecorded(jdbc);
            try (RunningApp lenient = node(database, webhook, "cinegraph.import.stall-after=PT10H")) {
                // A year with no progress for two hours: stalled for the first node, still importing for the second.
                jdbc.sql("""
                        INSERT INTO year_progress (year, status, trigger, started_at, last_progress_at)
                        VALUES (1990, 'importing', 'admin', now() - interval '3 hours', now() - interval '2 hours')""")
                        .update();
                assertThat(lenient.json(lenient.get("/api/sync/health")).path("status").asText()).isEqualTo("ok");

                await().atMost(Duration.ofSeconds(30)).until(() -> !webhook.received().isEmpty());
                // Many checks of both nodes later, still the one POST.
                Thread.sleep(3_000);

                assertThat(webhook.received()).hasSize(1);
                assertThat(webhook.received().get(0).body().path("status").asText()).isEqualTo("warning");
                assertThat(StoredEvents.of(jdbc, "HealthAlertSent")).hasSize(1);
            }
        }
    }

    private static RunningApp node(EmbeddedPostgres database, WebhookReceiver webhook, String... settings) {
        List<String> properties = new ArrayList<>(webhook.properties("0s"));
        properties.addAll(List.of(settings));
        properties.add("spring.datasource.url=" + database.getJdbcUrl("postgres", "postgres"));
        properties.add("spring.datasource.username=postgres");
        return RunningApp.start(properties.toArray(String[]::new));
    }
}
