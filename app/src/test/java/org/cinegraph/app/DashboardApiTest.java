package org.cinegraph.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.cinegraph.app.ProblemAssertions.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.cinegraph.command.tmdb.TmdbClient;
import org.cinegraph.sandbox.TmdbSandboxServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.RequestEntity;
import org.springframework.http.ResponseEntity;

/**
 * What the dashboard reads beside the lists: the import's and TMDb's activity over the last hours, searching
 * skipped movies and failures, and checking a login. The application is shared with other tests, so each test
 * looks only at what it caused: a year of its own ({@link #YEAR}, which no other test imports) and a list of its own.
 */
@ApplicationTest
class DashboardApiTest {

    private static final int YEAR = Year.now(ZoneOffset.UTC).getValue() - 1;
    private static final String LIST = "dashboard-search";
    private static JsonNode importedYear;

    @Autowired
    private TestRestTemplate http;
    @Autowired
    private TmdbSandboxServer sandbox;
    @Autowired
    private TmdbClient tmdb;

    @Test
    void theImportActivityCountsWhatAYearImportRecordedInEveryBucketOfTheLastHours() {
        JsonNode year = importYear();

        JsonNode activity = await().atMost(Duration.ofSeconds(30)).until(() -> get("/api/import/activity"),
                read -> sum(read, "imported") >= year.get("imported").asLong()
                        && sum(read, "skipped") >= year.get("skipped").asLong());

        assertThat(activity.get("bucketSeconds").asInt()).isEqualTo(60);
        assertBuckets(activity, 6 * 60, Duration.ofMinutes(1));
        assertThat(year.get("imported").asInt()).as("the sandbox's year imports movies").isPositive();
        assertThat(year.get("skipped").asInt()).as("and skips some").isPositive();
        assertBuckets(get("/api/import/activity?hours=1"), 60, Duration.ofMinutes(1));
        assertBuckets(get("/api/import/activity?hours=7"), 7 * 12, Duration.ofMinutes(5));
        assertBuckets(get("/api/import/activity?hours=24"), 24 * 12, Duration.ofMinutes(5));
        JsonNode twoDays = get("/api/import/activity?hours=48");
        assertBuckets(twoDays, 48 * 4, Duration.ofMinutes(15));
        assertThat(sum(twoDays, "imported")).isGreaterThanOrEqualTo(year.get("imported").asLong());
    }

    @Test
    void theTmdbActivityCountsThisNodesRequestsAndTheRateLimitedOnes() {
        JsonNode before = get("/api/tmdb/activity");
        sandbox.faults().rateLimit(1, true);
        try {
            // Two requests in one of the sandbox's one-second windows: the second is answered 429, then retried.
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                tmdb.configuration();
                return sum(get("/api/tmdb/activity"), "rateLimited") > sum(before, "rateLimited");
            });
        } finally {
            sandbox.faults().noRateLimit();
        }

        JsonNode after = get("/api/tmdb/activity");
        assertThat(after.get("node").asText()).isEqualTo("this");
        assertThat(after.get("bucketSeconds").asInt()).isEqualTo(60);
        assertBuckets(after, 6 * 60, Duration.ofMinutes(1));
        assertThat(sum(after, "requests")).isGreaterThan(sum(before, "requests"));
        assertBuckets(get("/api/tmdb/activity?hours=24"), 24 * 60, Duration.ofMinutes(1));
    }

    @Test
    void activityOutsideItsHoursIsABadRequest() {
        for (String path : List.of("/api/import/activity?hours=0", "/api/import/activity?hours=49",
                "/api/import/activity?hours=abc", "/api/tmdb/activity?hours=0", "/api/tmdb/activity?hours=25",
                "/api/tmdb/activity?hours=1.5")) {
            assertProblem(http.getForEntity(path, JsonNode.class), HttpStatus.BAD_REQUEST);
        }
    }

    @Test
    void skippedMoviesAreSearchedByAnyPartOfTheirTitleIgnoringCase() {
        importYear();
        JsonNode skip = await().atMost(Duration.ofSeconds(30)).until(
                () -> get("/api/import/skipped?year=" + YEAR), read -> read.get("total").asInt() > 0).get("items").get(0);
        String title = skip.get("title").asText();
        String part = title.substring(1, title.length() - 1).toUpperCase();

        JsonNode found = http.getForObject("/api/import/skipped?year={year}&q={q}&limit=500", JsonNode.class, YEAR, part);

        assertThat(found.get("items").findValuesAsText("tmdbId")).contains(skip.get("tmdbId").asText());
        assertThat(found.get("items").findValuesAsText("title"))
                .allSatisfy(each -> assertThat(each).containsIgnoringCase(part));
        assertThat(found.get("total").asInt()).isEqualTo(found.get("items").size());
        assertThat(http.getForObject("/api/import/skipped?q={q}", JsonNode.class, "%_%").get("items")
                .findValuesAsText("title")).allSatisfy(each -> assertThat(each).contains("%_%"));
    }

    @Test
    void failuresAreSearchedByTitleWithWildcardsMatchingThemselvesAndNameTheirSubject() {
        upload("Const,Title,Year\n"
                + "tt0000071,Zzq 100% Pure_Film,1950\n"
                + "tt0000072,Zzq 1000 Purest Film,1950\n"
                + "tt0000073,Zzq Back\\Slash Film,1950\n");
        String source = "&source=list:" + LIST;
        await().atMost(Duration.ofSeconds(30)).until(() -> failures("", source).get("total").asInt() == 3);

        JsonNode percent = failures("100% PURE_", source);
        assertThat(percent.get("total").asInt()).isEqualTo(1);
        JsonNode failure = percent.get("items").get(0);
        assertThat(failure.get("title").asText()).isEqualTo("Zzq 100% Pure_Film");
        assertThat(failure.get("subject").asText()).as("a list member is named by its IMDb id").isEqualTo("tt0000071");
        assertThat(failures("zzq 100", source).get("total").asInt()).isEqualTo(2);
        assertThat(failures("%", source).get("total").asInt()).as("%% is a character, not a pattern").isEqualTo(1);
        assertThat(failures("_", source).get("total").asInt()).as("so is _").isEqualTo(1);
        assertThat(failures("\\", source).get("total").asInt()).as("and \\").isEqualTo(1);
        assertThat(failures("   ", source).get("total").asInt()).as("a blank q filters nothing").isEqualTo(3);

        List<String> fields = new ArrayList<>();
        failure.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("tmdbId", "imdbId", "title", "year", "source", "reason", "retryCount",
                "detail", "lastAttemptAt", "subject");
        assertThat(get("/api/import/failures?limit=500").get("items"))
                .allSatisfy(each -> assertThat(each.get("subject").asText()).isNotEmpty());
        JsonNode activity = get("/api/import/activity?hours=1");
        assertThat(sum(activity, "failed")).as("the failures just recorded").isGreaterThanOrEqualTo(3);
    }

    @Test
    void aSearchOfOverAHundredCharactersIsABadRequest() {
        String tooLong = "x".repeat(101);
        for (String path : List.of("/api/import/skipped?q={q}", "/api/import/failures?q={q}")) {
            ResponseEntity<JsonNode> answer = http.getForEntity(path, JsonNode.class, tooLong);
            assertProblem(answer, HttpStatus.BAD_REQUEST);
            assertThat(answer.getBody().get("detail").asText()).contains("100 characters");
            assertThat(http.getForEntity(path, JsonNode.class, "x".repeat(100)).getStatusCode())
                    .isEqualTo(HttpStatus.OK);
        }
    }

    @Test
    void aSearchHoldingANulCharacterIsABadRequest() {
        for (String path : List.of("/api/movies?q={q}", "/api/import/skipped?q={q}", "/api/import/failures?q={q}")) {
            ResponseEntity<JsonNode> answer = http.getForEntity(path, JsonNode.class, "a\u0000b");
            assertProblem(answer, HttpStatus.BAD_REQUEST);
            assertThat(answer.getBody().get("detail").asText()).contains("NUL");
        }
    }

    @Test
    void theAdminSessionAnswersWhoIsLoggedInAndRefusesWrongCredentials() {
        ResponseEntity<JsonNode> admin = admin().getForEntity("/api/admin/session", JsonNode.class);
        assertThat(admin.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(admin.getBody().get("user").asText()).isEqualTo("admin");
        assertThat(admin.getBody().at("/csrf/header").asText()).isEqualTo("X-XSRF-TOKEN");
        assertThat(admin.getBody().at("/csrf/token").asText()).isNotBlank();

        ResponseEntity<JsonNode> none = http.getForEntity("/api/admin/session", JsonNode.class);
        ResponseEntity<JsonNode> wrong = http.withBasicAuth("admin", "guess")
                .getForEntity("/api/admin/session", JsonNode.class);
        assertProblem(none, HttpStatus.UNAUTHORIZED);
        assertProblem(wrong, HttpStatus.UNAUTHORIZED);
        assertThat(none.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");
        assertThat(wrong.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");
    }

    @Test
    void aScriptsRefusedRequestIsNotChallengedSoTheBrowserShowsNoLoginDialogOfItsOwn() {
        ResponseEntity<JsonNode> none = http.exchange(RequestEntity.get(URI.create("/api/admin/session"))
                .header("X-Requested-With", "XMLHttpRequest").build(), JsonNode.class);
        ResponseEntity<JsonNode> wrong = http.withBasicAuth("admin", "guess").exchange(
                RequestEntity.post(URI.create("/api/admin/imports/next"))
                        .header("X-Requested-With", "XMLHttpRequest").build(), JsonNode.class);
        ResponseEntity<JsonNode> right = admin().exchange(RequestEntity.get(URI.create("/api/admin/session"))
                .header("X-Requested-With", "XMLHttpRequest").build(), JsonNode.class);

        assertProblem(none, HttpStatus.UNAUTHORIZED);
        assertProblem(wrong, HttpStatus.UNAUTHORIZED);
        assertThat(none.getHeaders().containsKey(HttpHeaders.WWW_AUTHENTICATE)).isFalse();
        assertThat(wrong.getHeaders().containsKey(HttpHeaders.WWW_AUTHENTICATE)).isFalse();
        assertThat(right.getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    /** Imports {@link #YEAR} once for the tests that need it, and answers its progress once it completed. */
    private JsonNode importYear() {
        synchronized (DashboardApiTest.class) {
            if (importedYear == null) {
                assertThat(admin().postForEntity("/api/admin/imports/years/" + YEAR, null, JsonNode.class)
                        .getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
                importedYear = await().atMost(Duration.ofSeconds(120)).until(
                        () -> http.getForEntity("/api/import/years/" + YEAR, JsonNode.class),
                        answer -> answer.getStatusCode() == HttpStatus.OK
                                && answer.getBody().get("status").asText().equals("completed")).getBody();
            }
            return importedYear;
        }
    }

    private void upload(String csv) {
        assertThat(admin().exchange(RequestEntity.post(URI.create("/api/admin/lists/" + LIST))
                .contentType(MediaType.parseMediaType("text/csv")).body(csv), JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.ACCEPTED);
    }

    private JsonNode failures(String q, String filters) {
        return http.getForObject("/api/import/failures?q={q}" + filters, JsonNode.class, q);
    }

    /** Every bucket of the span, oldest first and one bucket apart, from {@code from} to the one {@code to} is in. */
    private static void assertBuckets(JsonNode activity, int count, Duration bucket) {
        JsonNode buckets = activity.get("buckets");
        assertThat(buckets).hasSize(count);
        Instant from = Instant.parse(activity.get("from").asText());
        Instant to = Instant.parse(activity.get("to").asText());
        assertThat(Instant.parse(buckets.get(0).get("start").asText())).isEqualTo(from);
        for (int i = 1; i < count; i++) {
            assertThat(Duration.between(Instant.parse(buckets.get(i - 1).get("start").asText()),
                    Instant.parse(buckets.get(i).get("start").asText()))).isEqualTo(bucket);
        }
        Instant last = Instant.parse(buckets.get(count - 1).get("start").asText());
        assertThat(to).isAfterOrEqualTo(last).isBefore(last.plus(bucket));
        assertThat(from.getEpochSecond() % bucket.toSeconds()).as("buckets start on whole %s", bucket).isZero();
    }

    private static long sum(JsonNode activity, String field) {
        long sum = 0;
        for (JsonNode bucket : activity.get("buckets")) {
            sum += bucket.get(field).asLong();
        }
        return sum;
    }

    private JsonNode get(String path) {
        return http.getForObject(path, JsonNode.class);
    }

    private TestRestTemplate admin() {
        return http.withBasicAuth("admin", ApplicationTest.ADMIN_PASSWORD);
    }
}
