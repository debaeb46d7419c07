package org.cinegraph.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The import's health in {@code /actuator/health} as component {@code import} beside the database's: ok is UP, a
 * warning WARNING answered 200, an error DOWN answered 503; anyone sees the statuses, only the admin the details;
 * the liveness and readiness probes leave the import out; the gauge {@code cinegraph.health.status} counts 0, 1, 2.
 * The warning and the error are those of a failed delta sync, written into the import state as its projection would.
 */
@ApplicationTest
class ImportHealthEndpointTest {

    @Autowired
    private TestRestTemplate http;
    @Autowired
    private JdbcClient jdbc;

    @AfterEach
    void syncSucceededAgain() {
        jdbc.sql("""
                        DELETE FROM import_state
                         WHERE key IN ('change_sync_failure', 'change_sync_credentials_rejected', 'last_daily_run')""")
                .update();
    }

    @Test
    void anOkImportIsUpBesideTheDatabaseWithStatusesOnlyForAnyone() {
        ResponseEntity<JsonNode> health = http.getForEntity("/actuator/health", JsonNode.class);

        assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(health.getBody().path("status").asText()).isEqualTo("UP");
        assertThat(health.getBody().at("/components/import/status").asText()).isEqualTo("UP");
        assertThat(health.getBody().at("/components/db/status").asText()).isEqualTo("UP");
        assertThat(health.getBody().findValues("details")).isEmpty();
        assertThat(health.getBody().toString()).doesNotContain("path").doesNotContain("message");
        assertThat(gauge()).isEqualTo(0.0);
    }

    @Test
    void theAdminSeesTheImportsMessage() {
        JsonNode health = admin().getForObject("/actuator/health", JsonNode.class);

        assertThat(health.at("/components/import/details/status").asText()).isEqualTo("ok");
        assertThat(health.at("/components/import/details/message").asText())
                .isEqualTo(http.getForObject("/api/sync/health", JsonNode.class).path("message").asText());
    }

    @Test
    void aWarningIsAnsweredTwoHundredAsWarning() {
        syncFailed(false);

        ResponseEntity<JsonNode> health = http.getForEntity("/actuator/health", JsonNode.class);

        assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(health.getBody().path("status").asText()).isEqualTo("WARNING");
        assertThat(health.getBody().at("/components/import/status").asText()).isEqualTo("WARNING");
        assertThat(gauge()).isEqualTo(1.0);
    }

    @Test
    void anErrorIsDownAndAnswered503ButNeitherProbeFails() {
        syncFailed(true);

        ResponseEntity<JsonNode> health = http.getForEntity("/actuator/health", JsonNode.class);

        assertThat(health.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(health.getBody().path("status").asText()).isEqualTo("DOWN");
        assertThat(health.getBody().at("/components/import/status").asText()).isEqualTo("DOWN");
        assertThat(gauge()).isEqualTo(2.0);
        for (String probe : new String[] {"liveness", "readiness"}) {
            ResponseEntity<JsonNode> answer = http.getForEntity("/actuator/health/" + probe, JsonNode.class);
            assertThat(answer.getStatusCode()).as(probe).isEqualTo(HttpStatus.OK);
            assertThat(answer.getBody().path("components").has("import")).as(probe).isFalse();
        }
        assertThat(http.getForObject("/actuator/health/readiness", JsonNode.class).at("/components/db/status")
                .asText()).isEqualTo("UP");
    }

    @Test
    void anImportThatCannotBeJudgedIsDownNotAnErrorOfTheEndpoint() {
        set("last_daily_run", "not a time");

        ResponseEntity<JsonNode> health = http.getForEntity("/actuator/health", JsonNode.class);

        assertThat(health.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(health.getBody().at("/components/import/status").asText()).isEqualTo("DOWN");
        assertThat(health.getBody().at("/components/db/status").asText()).isEqualTo("UP");
    }

    private void syncFailed(boolean credentialsRejected) {
        set("change_sync_failure", credentialsRejected ? "TMDb rejected the configured credentials (HTTP 401)."
                : "TMDb did not answer.");
        if (credentialsRejected) {
            set("change_sync_credentials_rejected", "true");
        }
    }

    private void set(String key, String value) {
        jdbc.sql("""
                        INSERT INTO import_state (key, value, position, updated_at) VALUES (:key, :value, 0, :at)
                        ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value""")
                .param("key", key).param("value", value).param("at", java.sql.Timestamp.from(Instant.now())).update();
    }

    private double gauge() {
        return admin().getForObject("/actuator/metrics/cinegraph.health.status", JsonNode.class)
                .at("/measurements/0/value").asDouble();
    }

    private TestRestTemplate admin() {
        return http.withBasicAuth("admin", ApplicationTest.ADMIN_PASSWORD);
    }
}
