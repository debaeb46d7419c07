package org.cinegraph.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.cinegraph.sandbox.TmdbSandboxServer;
import org.cinegraph.sandbox.catalogue.SandboxMovie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A year imported through TMDb faults: every movie gets exactly one outcome, the read API lists each kind,
 * and a second run retries the failures.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "cinegraph.data-dir=target/test-data/outcomes-${random.uuid}",
        "cinegraph.admin.password=" + ApplicationTest.ADMIN_PASSWORD,
        "cinegraph.sandbox.movies-per-year.2019=120",
        "cinegraph.sandbox.movies-per-year.2018=40",
        "cinegraph.sandbox.movies-per-year.2017=100",
        "cinegraph.tmdb.requests-per-second=2000",
        "cinegraph.tmdb.retry.initial-backoff=10ms",
        "cinegraph.tmdb.retry.max-backoff=50ms"})
class YearImportOutcomesApiTest {

    private static final int YEAR = 2019;

    @Autowired
    private TestRestTemplate http;
    @Autowired
    private TmdbSandboxServer sandbox;
    @Autowired
    private JdbcClient jdbc;

    @Test
    void everyOutcomeIsListedAndASecondRunRetriesTheFailures() {
        List<Integer> ids = List.copyOf(sandbox.catalogue().movieIds(YEAR));
        int deleted = ids.get(0);
        int malformed = ids.get(1);
        int unavailable = ids.get(2);
        sandbox.faults().deletedAfterDiscovery(Set.of(deleted)).malformedDetails(Set.of(malformed))
                .failDetailsAlways(Set.of(unavailable), 503);

        JsonNode first = importYear(null);

        assertThat(first.get("discovered").asInt()).isEqualTo(120);
        assertThat(first.get("failed").asInt()).isEqualTo(3);
        assertThat(first.get("imported").asInt() + first.get("skipped").asInt()).isEqualTo(117);
        JsonNode failures = awaitList("/api/import/failures?source=year_import&year=" + YEAR, 3);
        assertThat(failures.get("items").findValuesAsText("reason"))
                .containsExactlyInAnyOrder("not_found", "malformed_response", "http_error");
        assertThat(http.getForObject("/api/import/failures?reason=not_found&year=" + YEAR, JsonNode.class)
                .at("/items/0/tmdbId").asInt()).isEqualTo(deleted);
        assertThat(http.getForObject("/api/import/failures?year=" + YEAR, JsonNode.class).toString())
                .doesNotContain("Exception\",").contains("\"retryCount\":0");
        JsonNode movies = awaitList("/api/movies?year=" + YEAR + "&limit=500", first.get("imported").asInt());
        JsonNode movie = http.getForObject("/api/movies/" + movies.at("/items/0/tmdbId").asInt(), JsonNode.class);
        String title = movie.get("title").asText();
        assertThat(http.getForObject("/api/movies?q=" + title.substring(1, title.length() - 1).toUpperCase(),
                JsonNode.class).findValuesAsText("tmdbId")).contains(movie.get("tmdbId").asText());
        assertThat(http.getForObject("/api/movies?q={q}", JsonNode.class, "%_").get("total").asInt())
                .as("%% and _ are literal characters of a title, not patterns").isZero();
        assertThat(movie.at("/tmdbData/credits/cast").isArray()).isTrue();
        assertThat(movie.at("/tmdbData/external_ids").isObject()).isTrue();
        JsonNode skipped = awaitList("/api/import/skipped?year=" + YEAR + "&limit=500", first.get("skipped").asInt());
        assertThat(skipped.get("items")).allSatisfy(item -> assertThat(item.get("criteriaFailed").size())
                .isGreaterThanOrEqualTo(3));
        assertThat(skipped.get("items")).as("each skip carries the IMDb id TMDb gave, null where it has none")
                .allSatisfy(item -> assertThat(item.get("imdbId").textValue()).isEqualTo(
                        sandbox.catalogue().movie(item.get("tmdbId").asInt()).orElseThrow().imdbId()));
        int withoutPoster = http.getForObject("/api/import/skipped?criterion=has_poster&limit=500&year=" + YEAR, JsonNode.class)
                .get("total").asInt();
        assertThat(withoutPoster).isBetween(1, first.get("skipped").asInt());

        // Popularity changes between requests; discovery reads by release date, so nothing moves between pages.
        sandbox.faults().reset().popularityDrift(true);
        JsonNode second = importYear(first.get("startedAt").asText());

        assertThat(second.get("discovered").asInt()).isEqualTo(120);
        assertThat(second.get("failed").asInt()).isZero();
        assertThat(second.get("imported").asInt() + second.get("skipped").asInt()).isEqualTo(120);
        awaitList("/api/import/failures?year=" + YEAR, 0);
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM domain_event_entry
                         WHERE payload_type = 'org.cinegraph.events.MovieImported'
                           AND (convert_from(payload, 'UTF8')::jsonb ->> 'year')::int = :year""")
                .param("year", YEAR)
                .query(Long.class).single()).as("the second run imported only what the first did not")
                .isEqualTo(second.get("imported").asLong());
    }

    @Test
    void rejectedTmdbCredentialsFailTheYearWithAClearReasonAndNoRetry() {
        // The connection check that follows every start asks TMDb once; it must not count as a retry here.
        await().atMost(Duration.ofSeconds(20)).until(() -> sandbox.requestCount() >= 1);
        sandbox.faults().reset().unauthorized(true);
        long before = sandbox.requestCount();
        try {
            http.withBasicAuth("admin", ApplicationTest.ADMIN_PASSWORD)
                    .postForEntity("/api/admin/imports/years/" + (YEAR + 1), null, String.class);

            JsonNode failed = await().atMost(Duration.ofSeconds(30)).until(
                    () -> http.getForObject("/api/import/years/" + (YEAR + 1), JsonNode.class),
                    year -> year.path("status").asText().equals("failed"));

            assertThat(failed.get("failureReason").asText()).contains("rejected the configured credentials");
            assertThat(sandbox.requestCount() - before).as("401 is never retried").isEqualTo(1);
        } finally {
            sandbox.faults().reset();
        }
    }

    @Test
    void aYearPausedWhileTmdbWasUnavailableGoesOnWhenStartedAgain() {
        int year = 2018;
        sandbox.faults().reset().failAlways(503);
        try {
            http.withBasicAuth("admin", ApplicationTest.ADMIN_PASSWORD)
                    .postForEntity("/api/admin/imports/years/" + year, null, String.class);
            awaitNoMoreRequests();
            assertThat(http.getForObject("/api/import/years/" + year, JsonNode.class).get("status").asText())
                    .isEqualTo("importing");
        } finally {
            sandbox.faults().reset();
        }

        ResponseEntity<JsonNode> again = http.withBasicAuth("admin", ApplicationTest.ADMIN_PASSWORD)
                .postForEntity("/api/admin/imports/years/" + year, null, JsonNode.class);

        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(again.getBody().get("detail").asText()).contains("goes on");
        JsonNode completed = await().atMost(Duration.ofSeconds(30)).until(
                () -> http.getForObject("/api/import/years/" + year, JsonNode.class),
                progress -> progress.get("status").asText().equals("completed"));
        assertThat(completed.get("discovered").asInt()).isEqualTo(40);
        assertThat(completed.get("failed").asInt()).isZero();
    }

    @Test
    void aMovieDeletedWhileItsWindowIsReadHidesNoOtherMovie() {
        int year = 2017;
        List<SandboxMovie> inOrder = sandbox.catalogue()
                .moviesReleasedBetween(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
        int deleted = inOrder.get(4).tmdbId();
        // Served by TMDb's total, the plan's first page and the first page read; gone before the second page,
        // so the first movie of page 2 slides onto page 1, already read.
        sandbox.faults().reset().deletedDuringDiscovery(Set.of(deleted), 3);
        try {
            JsonNode completed = importYearAndAwait(year);

            assertThat(completed.get("discovered").asInt()).as("every movie, the one that slid back too")
                    .isEqualTo(100);
            assertThat(completed.get("failed").asInt()).as("the deleted movie").isEqualTo(1);
            // The failures are a projection of their own, which may apply the year's events after its progress.
            assertThat(await().atMost(Duration.ofSeconds(60)).until(
                    () -> http.getForObject("/api/import/failures?reason=not_found&year=" + year, JsonNode.class)
                            .findValuesAsText("tmdbId"), ids -> !ids.isEmpty()))
                    .containsExactly(Integer.toString(deleted));
            assertThat(jdbc.sql("""
                            SELECT count(*) FROM domain_event_entry
                             WHERE payload_type = 'org.cinegraph.events.PageDiscovered'
                               AND (convert_from(payload, 'UTF8')::jsonb ->> 'year')::int = :year
                               AND (convert_from(payload, 'UTF8')::jsonb ->> 'pass')::int = 2""")
                    .param("year", year).query(Long.class).single()).as("the window was read again").isPositive();
        } finally {
            sandbox.faults().reset();
        }
    }

    private JsonNode importYearAndAwait(int year) {
        http.withBasicAuth("admin", ApplicationTest.ADMIN_PASSWORD)
                .postForEntity("/api/admin/imports/years/" + year, null, String.class);
        return await().atMost(Duration.ofSeconds(30)).until(
                () -> http.getForObject("/api/import/years/" + year, JsonNode.class),
                progress -> progress.path("status").asText().equals("completed"));
    }

    /** Until the job has given up: no request reaches the sandbox for a while. */
    private void awaitNoMoreRequests() {
        long[] last = {-1};
        await().pollInterval(Duration.ofMillis(500)).atMost(Duration.ofSeconds(30)).until(() -> {
            long now = sandbox.requestCount();
            boolean quiet = now == last[0];
            last[0] = now;
            return quiet;
        });
    }

    /** Runs the year and waits for that run, not an earlier one, to complete. */
    private JsonNode importYear(String previousStart) {
        assertThat(http.withBasicAuth("admin", ApplicationTest.ADMIN_PASSWORD)
                .postForEntity("/api/admin/imports/years/" + YEAR, null, String.class).getStatusCode())
                .isEqualTo(HttpStatus.ACCEPTED);
        return await().atMost(Duration.ofSeconds(60)).until(
                () -> http.getForObject("/api/import/years/" + YEAR, JsonNode.class),
                year -> year.get("status").asText().equals("completed")
                        && !year.get("startedAt").asText().equals(previousStart));
    }

    private JsonNode awaitList(String path, int total) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> http.getForObject(path, JsonNode.class),
                list -> list.get("total").asInt() == total);
    }
}
