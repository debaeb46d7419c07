package org.cinegraph.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.cinegraph.sandbox.TmdbSandboxServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * {@code POST /api/admin/tmdb-total/refresh} answers 503 only when TMDb cannot be read, so that "try again later"
 * is only said when it may help; any other error is a 500 problem detail, and its cause is in the log.
 */
@ApplicationTest
@ExtendWith(OutputCaptureExtension.class)
class TmdbTotalRefreshTest {

    private static final String REFRESH = "/api/admin/tmdb-total/refresh";

    @Autowired
    private TestRestTemplate http;
    @Autowired
    private TmdbSandboxServer tmdb;

    @AfterEach
    void noFaults() {
        tmdb.faults().noFailures();
    }

    @Test
    void tmdbAnsweringServerErrorsToEveryAttemptIsA503() {
        tmdb.faults().failAlways(503);

        ResponseEntity<JsonNode> answer = refresh();

        assertProblem(answer, HttpStatus.SERVICE_UNAVAILABLE, "TMDb unavailable");
        assertThat(answer.getBody().get("detail").asText()).contains("TMDb's total could not be read")
                .contains("503");
    }

    @Test
    void anAnswerOfTmdbThatHoldsNoTotalIsA500LoggedWithItsCause(CapturedOutput log) {
        tmdb.faults().failAlways(404);

        ResponseEntity<JsonNode> answer = refresh();

        assertProblem(answer, HttpStatus.INTERNAL_SERVER_ERROR, "TMDb total not refreshed");
        assertThat(answer.getBody().get("detail").asText()).contains("TmdbNotFoundException")
                .contains("The error has been logged").doesNotContain("\tat ");
        assertThat(log.getOut()).contains("TMDb's total could not be refreshed")
                .contains("org.cinegraph.command.tmdb.TmdbNotFoundException").contains("\tat ");
    }

    @Test
    void aRequestTmdbRefusesIsA500NotA503() {
        tmdb.faults().failAlways(400);

        assertProblem(refresh(), HttpStatus.INTERNAL_SERVER_ERROR, "TMDb total not refreshed");
    }

    @Test
    void aTmdbThatAnswersIsRefreshed() {
        ResponseEntity<JsonNode> answer = refresh();

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(answer.getBody().get("tmdbTotalMovies").asLong()).isEqualTo(tmdb.catalogue().totalMovies());
    }

    private ResponseEntity<JsonNode> refresh() {
        return http.withBasicAuth("admin", ApplicationTest.ADMIN_PASSWORD).postForEntity(REFRESH, null, JsonNode.class);
    }

    private static void assertProblem(ResponseEntity<JsonNode> answer, HttpStatus status, String title) {
        assertThat(answer.getStatusCode()).isEqualTo(status);
        assertThat(answer.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(answer.getBody().get("title").asText()).isEqualTo(title);
        assertThat(answer.getBody().get("status").asInt()).isEqualTo(status.value());
    }
}
