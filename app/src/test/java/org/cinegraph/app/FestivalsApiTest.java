package org.cinegraph.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.cinegraph.events.MovieImported;
import org.cinegraph.sandbox.OscarsSandboxServer;
import org.cinegraph.sandbox.TmdbSandboxServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Academy Awards ceremonies scraped from the oscars.org sandbox and read back through the API. */
@ApplicationTest
class FestivalsApiTest {

    @Autowired
    private TestRestTemplate http;
    @Autowired
    private OscarsSandboxServer oscars;
    @Autowired
    private TmdbSandboxServer tmdb;
    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private EventGateway events;
    private TransactionTemplate transactions;

    @Autowired
    void transactions(PlatformTransactionManager manager) {
        transactions = new TransactionTemplate(manager);
    }

    @Test
    void aCeremonyIsRecordedOnceAndReadBackWithItsCategoriesAndWinners() {
        ResponseEntity<JsonNode> imported = importCeremony(2010);
        assertThat(imported.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(imported.getBody().get("ceremonyNumber").asInt()).isEqualTo(82);
        int nominations = imported.getBody().get("nominations").asInt();
        assertThat(imported.getBody().get("changes").asInt()).isEqualTo(nominations);
        assertThat(importCeremony(2010).getBody().get("changes").asInt()).as("the same page again").isZero();

        JsonNode ceremony = await().atMost(Duration.ofSeconds(20)).until(
                () -> http.getForObject("/api/festivals/AMPAS/ceremonies/2010", JsonNode.class),
                body -> body.path("categories").size() == imported.getBody().get("categories").asInt());
        assertThat(ceremony.findValues("winner").stream().filter(JsonNode::asBoolean).count())
                .isEqualTo(imported.getBody().get("winners").asLong());
        assertThat(ceremony.findValues("film")).hasSize(nominations);
        JsonNode festivals = http.getForObject("/api/festivals", JsonNode.class);
        assertThat(festivals.get(0).get("abbreviation").asText()).isEqualTo("AMPAS");
        assertThat(StoredEvents.of(jdbc, "FestivalOrganizationRegistered")).hasSize(1);
    }

    @Test
    void aChangedPageRecordsWhatChangedAndAHostilePageNothing() {
        importCeremony(2011);
        long before = events();
        String page = http.getForObject(oscars.baseUrl() + "/oscars/ceremonies/2011", String.class);
        try {
            // The winner of the first category lost, and another nominee won.
            oscars.replacePage(2011, 200, page.replaceFirst("honoree-type winner\">Winner", "honoree-type nominee\">N")
                    .replaceFirst("honoree-type nominee\">Nominees", "honoree-type winner\">Winner"));
            assertThat(importCeremony(2011).getBody().get("changes").asInt()).isEqualTo(2);

            long afterChange = events();
            oscars.replacePage(2011, 200, "<html><script>alert(1)</script><body><p>Maintenance</body></html>");
            ResponseEntity<JsonNode> hostile = importCeremony(2011);
            assertThat(hostile.getStatusCode()).isEqualTo(HttpStatus.BAD_GATEWAY);
            assertThat(hostile.getBody().get("detail").asText()).contains("none of the expected markup")
                    .contains("Nothing of the ceremony was recorded");

            oscars.replacePage(2011, 200, "<html><body>" + "x".repeat(20 * 1024 * 1024) + "</body></html>");
            assertThat(importCeremony(2011).getStatusCode()).isEqualTo(HttpStatus.BAD_GATEWAY);
            assertThat(events()).isEqualTo(afterChange).isEqualTo(before + 3);
        } finally {
            oscars.restorePage(2011);
        }
    }

    @Test
    void nominationsAreMatchedToMoviesImportedThroughThePipelineAndTheRestAreFailures() {
        ResponseEntity<JsonNode> imported = importCeremony(2024);
        JsonNode body = imported.getBody();
        assertThat(body.get("matched").asInt() + body.get("unmatched").asInt()).as("every nomination with a film")
                .isEqualTo(body.get("nominations").asInt());
        assertThat(body.get("matched").asInt()).isGreaterThan(body.get("unmatched").asInt());

        JsonNode ceremony = await().atMost(Duration.ofSeconds(20)).until(
                () -> http.getForObject("/api/festivals/AMPAS/ceremonies/2024", JsonNode.class),
                read -> read.findValues("tmdbId").stream().filter(id -> !id.isNull()).count()
                        == body.get("matched").asInt());
        JsonNode oppenheimer = nomination(ceremony, "BEST PICTURE", "Oppenheimer");
        assertThat(oppenheimer.get("imdbId").asText()).isEqualTo("tt15398776");
        int tmdbId = oppenheimer.get("tmdbId").asInt();
        JsonNode movie = await().atMost(Duration.ofSeconds(20)).until(
                () -> http.getForEntity("/api/movies/" + tmdbId, JsonNode.class),
                answer -> answer.getStatusCode() == HttpStatus.OK).getBody();
        assertThat(movie.get("imdbId").asText()).isEqualTo("tt15398776");
        assertThat(StoredEvents.of(jdbc, "MovieImported").stream()
                .filter(event -> "tt15398776".equals(event.path("imdbId").asText())))
                .as("a film nominated in several categories is imported once").hasSize(1);

        JsonNode failures = await().atMost(Duration.ofSeconds(20)).until(
                () -> http.getForObject("/api/import/failures?source=festival:AMPAS&reason=no_tmdb_match&limit=500",
                        JsonNode.class),
                read -> read.get("total").asInt() >= body.get("unmatched").asInt() && read.get("total").asInt() > 0);
        JsonNode failure = failures.get("items").get(0);
        assertThat(failure.get("tmdbId").isNull()).isTrue();
        assertThat(failure.get("title").asText()).isNotBlank();
        assertThat(failure.get("detail").asText()).contains("TMDb knows no movie");

        assertThat(importCeremony(2024).getBody().get("matched").asInt()).as("read again: nothing new to match")
                .isZero();
    }

    @Test
    void aNominationNoMovieMatchedIsMatchedWhenItsMovieIsImportedLater() {
        String page = http.getForObject(oscars.baseUrl() + "/oscars/ceremonies/1990", String.class);
        try {
            oscars.replacePage(1990, 200, page.replace("Driving Miss Daisy", "Zzq Unfindable Picture"));
            importCeremony(1990);
            await().atMost(Duration.ofSeconds(20)).until(() -> unfindableFailures() > 0);

            transactions.executeWithoutResult(status -> events.publish(new MovieImported(987_654_321, "tt0000042",
                    "Zzq Unfindable Picture", LocalDate.of(1989, 12, 15), null, "year_import", "{\"id\":987654321}")));

            await().atMost(Duration.ofSeconds(20)).until(() -> unfindableFailures() == 0);
            await().atMost(Duration.ofSeconds(20)).until(() -> nomination(http.getForObject(
                    "/api/festivals/AMPAS/ceremonies/1990", JsonNode.class), "BEST PICTURE", "Zzq Unfindable Picture")
                    .get("tmdbId").asInt() == 987_654_321);
            assertThat(StoredEvents.of(jdbc, "NominationMatched").stream()
                    .filter(event -> "Zzq Unfindable Picture".equals(event.path("film").asText())).toList())
                    .isNotEmpty().allMatch(event -> "imported".equals(event.path("method").asText()));
        } finally {
            oscars.restorePage(1990);
        }
    }

    @Test
    void aRetryMatchesANominationWhoseFilmTMDbCouldNotBeAskedFor() {
        String page = http.getForObject(oscars.baseUrl() + "/oscars/ceremonies/1991", String.class);
        try {
            oscars.replacePage(1991, 200, page.replace("Dances With Wolves", "Zzq Retried Picture"));
            importCeremony(1991);
            await().atMost(Duration.ofSeconds(20)).until(() -> failuresTitled("Zzq Retried Picture") > 0);
            // Meanwhile the film is known: a movie of that title and year has been imported.
            jdbc.sql("""
                            INSERT INTO import_ledger_outcome (tmdb_id, outcome, attempts, recorded_at, source,
                                                               title_key, release_year)
                            VALUES (987654322, 'imported', 1, now(), 'year_import', 'zzq retried picture', 1990)
                            """).update();

            ResponseEntity<JsonNode> retry = admin().postForEntity("/api/admin/failures/retry?source=festival:AMPAS",
                    null, JsonNode.class);
            assertThat(retry.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
            assertThat(retry.getBody().get("nominations").asInt()).isPositive();
            await().atMost(Duration.ofSeconds(30)).until(() -> failuresTitled("Zzq Retried Picture") == 0);
            assertThat(StoredEvents.of(jdbc, "NominationMatched").stream()
                    .filter(event -> "Zzq Retried Picture".equals(event.path("film").asText())).toList())
                    .isNotEmpty().allMatch(event -> "title_year".equals(event.path("method").asText()));
        } finally {
            oscars.restorePage(1991);
        }
    }

    private long failuresTitled(String film) {
        return http.getForObject("/api/import/failures?source=festival:AMPAS&limit=500", JsonNode.class)
                .get("items").findValues("title").stream().filter(title -> title.asText().equals(film)).count();
    }

    private long unfindableFailures() {
        return failuresTitled("Zzq Unfindable Picture");
    }

    private static JsonNode nomination(JsonNode ceremony, String category, String film) {
        for (JsonNode each : ceremony.get("categories")) {
            if (each.get("name").asText().equalsIgnoreCase(category)) {
                for (JsonNode nomination : each.get("nominations")) {
                    if (film.equals(nomination.get("film").asText())) {
                        return nomination;
                    }
                }
            }
        }
        throw new AssertionError("No nomination of " + film + " in " + category + ": " + ceremony);
    }

    @Test
    void refusedCredentialsLeaveTheNominationsUntriedInsteadOfFailedAndARetryMatchesThem() {
        ResponseEntity<JsonNode> imported;
        tmdb.faults().unauthorized(true);
        try {
            imported = importCeremony(2012);
        } finally {
            tmdb.faults().unauthorized(false);
        }
        assertThat(imported.getStatusCode()).as("the ceremony is recorded").isEqualTo(HttpStatus.ACCEPTED);
        assertThat(imported.getBody().get("nominations").asInt()).isPositive();
        assertThat(imported.getBody().get("matched").asInt() + imported.getBody().get("unmatched").asInt()).isZero();
        assertThat(StoredEvents.of(jdbc, "NominationMatchFailed").stream()
                .filter(event -> event.path("year").asInt() == 2012)).as("no nomination failed for it").isEmpty();

        await().atMost(Duration.ofSeconds(30)).until(() -> admin().postForEntity(
                "/api/admin/failures/retry?source=festival:AMPAS", null, JsonNode.class).getStatusCode()
                == HttpStatus.ACCEPTED);
        await().atMost(Duration.ofSeconds(60)).until(() -> StoredEvents.of(jdbc, "NominationMatched").stream()
                .anyMatch(event -> event.path("year").asInt() == 2012));
    }

    @Test
    void badRequestsAreProblemsAndNeedTheAdmin() {
        assertThat(importCeremony(1928).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(admin().postForEntity("/api/admin/festivals/CANNES/ceremonies/2024/import", null, JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(admin().postForEntity("/api/admin/festivals/AMPAS/ceremonies/import?from=2024&to=2020", null,
                JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(http.postForEntity("/api/admin/festivals/AMPAS/ceremonies/2024/import", null, String.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.getForEntity("/api/festivals/AMPAS/ceremonies/1950", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        ResponseEntity<JsonNode> badSource = admin().postForEntity("/api/admin/failures/retry?source=<script>", null,
                JsonNode.class);
        assertThat(badSource.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badSource.getBody().get("detail").asText()).contains("year_import, festival:{org} or list:{key}");
        assertThat(http.postForEntity("/api/admin/failures/retry", null, String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private ResponseEntity<JsonNode> importCeremony(int year) {
        return admin().postForEntity("/api/admin/festivals/AMPAS/ceremonies/" + year + "/import", null,
                JsonNode.class);
    }

    private long events() {
        return jdbc.sql("""
                        SELECT count(*) FROM domain_event_entry
                         WHERE payload_type IN ('org.cinegraph.events.CeremonyScraped',
                                                'org.cinegraph.events.NominationRecorded',
                                                'org.cinegraph.events.NominationWithdrawn')
                           AND convert_from(payload, 'UTF8') LIKE '%"year":2011%'""")
                .query(Long.class).single();
    }

    private TestRestTemplate admin() {
        return http.withBasicAuth("admin", ApplicationTest.ADMIN_PASSWORD);
    }
}
