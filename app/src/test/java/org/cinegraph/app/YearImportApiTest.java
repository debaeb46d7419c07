package org.cinegraph.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.cinegraph.app.ProblemAssertions.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.cinegraph.sandbox.TmdbSandboxServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The year-import slice through the HTTP API. Each test uses years no other test of this class touches. */
@ApplicationTest
class YearImportApiTest {

    @Autowired
    private TestRestTemplate http;
    @Autowired
    private TmdbSandboxServer sandbox;

    /** With TMDb failing, a started year stays running for as long as these tests look at it. */
    @BeforeEach
    void tmdbFails() {
        sandbox.faults().failAlways(503);
    }

    @AfterEach
    void tmdbRecovers() {
        sandbox.faults().reset();
    }

    private TestRestTemplate admin() {
        return http.withBasicAuth("admin", ApplicationTest.ADMIN_PASSWORD);
    }

    @Test
    void aStartedYearShowsAsImporting() {
        ResponseEntity<JsonNode> started = admin().postForEntity("/api/admin/imports/years/2024", null, JsonNode.class);

        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(started.getHeaders().getLocation()).hasToString("/api/import/years/2024");
        assertThat(started.getBody().get("year").asInt()).isEqualTo(2024);
        JsonNode year = awaitYear(2024);
        assertThat(year.get("status").asText()).isEqualTo("importing");
        assertThat(year.get("startedAt").isTextual()).isTrue();
        assertThat(year.get("completedAt").isNull()).isTrue();
        assertThat(year.get("discovered").asInt()).isZero();

        JsonNode years = http.getForObject("/api/import/years", JsonNode.class);
        assertThat(years.get("years").findValuesAsText("year")).contains("2024");
        assertThat(years.has("etaSeconds")).isTrue();
    }

    @Test
    void startingAYearThatIsAlreadyRunningAnswersConflict() {
        assertThat(admin().postForEntity("/api/admin/imports/years/2023", null, JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.ACCEPTED);

        ResponseEntity<JsonNode> again = admin().postForEntity("/api/admin/imports/years/2023", null, JsonNode.class);

        assertProblem(again, HttpStatus.CONFLICT);
        assertThat(again.getBody().get("detail").asText()).contains("2023").contains("already running");
    }

    @Test
    void theCurrentImportYearComesFromTheEvents() {
        admin().postForEntity("/api/admin/imports/years/1999", null, JsonNode.class);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                http.getForObject("/api/import/state", JsonNode.class).get("currentImportYear").asInt()).isEqualTo(1999));
    }

    @Test
    void adminEndpointsNeedCredentials() {
        ResponseEntity<JsonNode> next = http.postForEntity("/api/admin/imports/next", null, JsonNode.class);
        ResponseEntity<JsonNode> year = http.postForEntity("/api/admin/imports/years/2022", null, JsonNode.class);
        ResponseEntity<JsonNode> wrongPassword = http.withBasicAuth("admin", "guess")
                .postForEntity("/api/admin/imports/years/2022", null, JsonNode.class);

        assertProblem(next, HttpStatus.UNAUTHORIZED);
        assertProblem(year, HttpStatus.UNAUTHORIZED);
        assertProblem(wrongPassword, HttpStatus.UNAUTHORIZED);
        assertThat(year.getHeaders().getFirst("WWW-Authenticate")).startsWith("Basic");
        assertThat(http.getForEntity("/api/import/years/2022", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aMalformedYearIsABadRequest() {
        assertProblem(admin().postForEntity("/api/admin/imports/years/abc", null, JsonNode.class),
                HttpStatus.BAD_REQUEST);
        assertProblem(http.getForEntity("/api/import/years/abc", JsonNode.class), HttpStatus.BAD_REQUEST);
        assertProblem(admin().postForEntity("/api/admin/imports/years/99999999999", null, JsonNode.class),
                HttpStatus.BAD_REQUEST);
    }

    @Test
    void aYearBeforeTmdbsFirstMovieOrFarAheadIsABadRequest() {
        ResponseEntity<JsonNode> tooEarly = admin().postForEntity("/api/admin/imports/years/1873", null, JsonNode.class);
        ResponseEntity<JsonNode> tooLate = admin().postForEntity("/api/admin/imports/years/3000", null, JsonNode.class);

        assertProblem(tooEarly, HttpStatus.BAD_REQUEST);
        assertThat(tooEarly.getBody().get("detail").asText()).contains("1874");
        assertProblem(tooLate, HttpStatus.BAD_REQUEST);
        assertProblem(http.getForEntity("/api/import/years/1800", JsonNode.class), HttpStatus.BAD_REQUEST);
    }

    @Test
    void aYearNeverStartedIsNotFound() {
        ResponseEntity<JsonNode> response = http.getForEntity("/api/import/years/1950", JsonNode.class);

        assertProblem(response, HttpStatus.NOT_FOUND);
        assertThat(response.getBody().get("detail").asText()).contains("1950");
    }

    @Test
    void unknownPathsAndMethodsAnswerProblemDetails() {
        assertProblem(http.getForEntity("/api/no-such-thing", JsonNode.class), HttpStatus.NOT_FOUND);
        assertProblem(admin().exchange("/api/admin/imports/years/2020", HttpMethod.DELETE,
                null, JsonNode.class), HttpStatus.METHOD_NOT_ALLOWED);
    }

    private JsonNode awaitYear(int year) {
        return await().atMost(Duration.ofSeconds(20)).until(
                () -> http.getForEntity("/api/import/years/" + year, JsonNode.class),
                response -> response.getStatusCode() == HttpStatus.OK).getBody();
    }
}
