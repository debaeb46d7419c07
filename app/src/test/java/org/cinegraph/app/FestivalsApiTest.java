package org.cinegraph.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
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
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Academy Awards ceremonies scraped from the oscars.org sandbox and read back through the API. On an application of
 * its own: two of its tests need films of a ceremony that nothing imported before, which another class of the shared
 * application may have imported (a full run once found every film of the 1965 ceremony imported already).
 */
@ApplicationTest
@TestPropertySource(properties = "cinegraph.data-dir=target/test-data/festivals-${random.uuid}")
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
    @Autowired
    private TransactionTemplate transactions;

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
        assertThat(StoredEvents.where(jdbc, "MovieImported", "imdbId", "tt15398776"))
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

            // Imported as the importer imports: its outcome in the ledger, its event in the same transaction.
            transactions.executeWithoutResult(status -> {
                jdbc.sql("""
                                INSERT INTO import_ledger_outcome (tmdb_id, outcome, attempts, recorded_at, source,
                                                                   imdb_id, title_key, release_year)
                                VALUES (987654321, 'imported', 1, now(), 'year_import', 'tt0000042',
                                        'zzq unfindable picture', 1989)""").update();
                events.publish(new MovieImported(987_654_321, "tt0000042", "Zzq Unfindable Picture",
                        LocalDate.of(1989, 12, 15), null, "year_import", "{\"id\":987654321}"));
            });

            await().atMost(Duration.ofSeconds(20)).until(() -> unfindableFailures() == 0);
            await().atMost(Duration.ofSeconds(20)).until(() -> nomination(http.getForObject(
                    "/api/festivals/AMPAS/ceremonies/1990", JsonNode.class), "BEST PICTURE", "Zzq Unfindable Picture")
                    .get("tmdbId").asInt() == 987_654_321);
            assertThat(StoredEvents.where(jdbc, "NominationMatched", "film", "Zzq Unfindable Picture"))
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
            assertThat(StoredEvents.where(jdbc, "NominationMatched", "film", "Zzq Retried Picture"))
                    .isNotEmpty().allMatch(event -> "title_year".equals(event.path("method").asText()));
        } finally {
            oscars.restorePage(1991);
        }
    }

    @Test
    void aCeremonyOfARangeThatFailsIsAFailureToRetryCountedOnceAndResolvedByARetryThatSucceeds() {
        // Newest first: no page, oscars.org down, a page that is no ceremony's, and one that reads.
        oscars.replacePage(1938, 404, "<html><body><h1>Page not found</h1></body></html>");
        oscars.replacePage(1937, 503, "<html><body><h1>Service unavailable</h1></body></html>");
        oscars.replacePage(1936, 200, "<html><body><p>Maintenance</p></body></html>");
        try {
            ResponseEntity<JsonNode> range = await().atMost(Duration.ofSeconds(60)).until(() -> admin().postForEntity(
                    "/api/admin/festivals/AMPAS/ceremonies/import?from=1935&to=1938", null, JsonNode.class),
                    answer -> answer.getStatusCode() != HttpStatus.CONFLICT);
            assertThat(range.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);

            await().atMost(Duration.ofSeconds(60)).until(() -> ceremonyFailure(1938) != null
                    && ceremonyFailure(1937) != null && ceremonyFailure(1936) != null
                    && http.getForEntity("/api/festivals/AMPAS/ceremonies/1935", JsonNode.class).getStatusCode()
                    == HttpStatus.OK);
            assertThat(List.of(1938, 1937, 1936)).allSatisfy(year -> {
                JsonNode failure = ceremonyFailure(year);
                assertThat(failure).as("the failure of " + year).isNotNull();
                assertThat(failure.get("source").asText()).isEqualTo("festival:AMPAS");
                assertThat(failure.get("tmdbId").isNull()).isTrue();
                assertThat(failure.get("year").asInt()).isEqualTo(year);
                assertThat(failure.get("title").asText()).isEqualTo("AMPAS ceremony " + year);
                assertThat(failure.get("retryCount").asInt()).isZero();
                assertThat(failure.get("detail").asText()).contains("/oscars/ceremonies/" + year);
            });
            assertThat(ceremonyFailure(1938).get("reason").asText()).isEqualTo("not_found");
            assertThat(ceremonyFailure(1937).get("reason").asText()).isEqualTo("http_error");
            assertThat(ceremonyFailure(1936).get("reason").asText()).isEqualTo("malformed_response");
            assertThat(ceremonyFailure(1935)).as("the year that was read").isNull();

            // Retried while oscars.org still answers 503: one more attempt of the same failure, not a second one.
            String subject = ceremonyFailure(1937).get("subject").asText();
            ResponseEntity<JsonNode> one = retry("/api/admin/failures/retry?source=festival:AMPAS&subject={subject}",
                    subject);
            assertThat(one.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
            assertThat(one.getBody().get("ceremonies").asInt()).isEqualTo(1);
            await().atMost(Duration.ofSeconds(60)).until(() -> ceremonyFailure(1937).get("retryCount").asInt() == 1);
            assertThat(http.getForObject("/api/import/failures?source=festival:AMPAS&limit=500", JsonNode.class)
                    .findValuesAsText("subject")).as("one row").containsOnlyOnce(subject);
            assertThat(ceremonyFailed(1937)).hasSize(2);
            // The admin's own import of the year answers what went wrong, and counts one more attempt too.
            assertProblem(importCeremony(1937), HttpStatus.SERVICE_UNAVAILABLE);
            await().atMost(Duration.ofSeconds(60)).until(() -> ceremonyFailure(1937).get("retryCount").asInt() == 2);
            assertThat(ceremonyFailed(1937)).as("one attempt for the one request").hasSize(3);

            oscars.restorePage(1938);
            oscars.restorePage(1937);
            oscars.restorePage(1936);
            // The admin's own import that succeeds resolves the failure as a retry does.
            assertThat(importCeremony(1938).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
            await().atMost(Duration.ofSeconds(20)).until(() -> ceremonyFailure(1938) == null);
            ResponseEntity<JsonNode> all = retry("/api/admin/failures/retry?source=festival:AMPAS", "");
            assertThat(all.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
            assertThat(all.getBody().get("ceremonies").asInt()).isGreaterThanOrEqualTo(2);
            await().atMost(Duration.ofSeconds(60)).until(() -> ceremonyFailure(1938) == null
                    && ceremonyFailure(1937) == null && ceremonyFailure(1936) == null);
            assertThat(List.of(1938, 1937, 1936)).allSatisfy(year -> {
                // The festivals projection applies the ceremony in its own time.
                await().atMost(Duration.ofSeconds(20)).until(() -> http.getForEntity(
                        "/api/festivals/AMPAS/ceremonies/" + year, JsonNode.class).getStatusCode() == HttpStatus.OK);
                assertThat(StoredEvents.of(jdbc, "CeremonyImportResolved").stream()
                        .filter(event -> event.get("year").asInt() == year)).as("resolved once").hasSize(1);
            });
            assertProblem(retry("/api/admin/failures/retry?source=festival:AMPAS&subject={subject}", subject),
                    HttpStatus.NOT_FOUND);
        } finally {
            oscars.restorePage(1938);
            oscars.restorePage(1937);
            oscars.restorePage(1936);
        }
    }

    @Test
    void aFilmWhoseImportCannotBeRecordedIsAFailureOfItsMovieToRetry() {
        // Films of the 1975 ceremony found in TMDb: recording their outcome fails, recording a failure does not.
        refuseOutcomes("zz_refuse_1975_outcomes", "NEW.outcome <> 'failed' AND EXISTS (SELECT 1 FROM festival_match m"
                + " WHERE m.organization = 'AMPAS' AND m.year = 1975 AND m.tmdb_id = NEW.tmdb_id)");
        List<Integer> films;
        try {
            ResponseEntity<JsonNode> imported = importCeremony(1975);
            assertThat(imported.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
            assertThat(imported.getBody().get("matched").asInt()).isPositive();
            films = matchedFilms(1975);
            assertThat(films).isNotEmpty();

            JsonNode failures = await().atMost(Duration.ofSeconds(20)).until(() -> http.getForObject(
                            "/api/import/failures?source=festival:AMPAS&reason=http_error&limit=500", JsonNode.class),
                    read -> read.findValues("tmdbId").stream().filter(id -> !id.isNull())
                            .anyMatch(id -> films.contains(id.asInt())));
            JsonNode failure = failures.get("items").findParents("tmdbId").stream()
                    .filter(item -> films.contains(item.get("tmdbId").asInt())).findFirst().orElseThrow();
            assertThat(failure.get("detail").asText()).contains("could not be recorded");
            assertThat(failure.get("title").asText()).isNotBlank();
            assertThat(failure.get("subject").asText()).isEqualTo(failure.get("tmdbId").asText());
        } finally {
            jdbc.sql("DROP TRIGGER IF EXISTS zz_refuse_1975_outcomes ON import_ledger_outcome").update();
        }

        List<Integer> failed = outcomes(films, "failed");
        assertThat(failed).as("every film whose import was tried has its failure").isNotEmpty();
        int tmdbId = failed.get(0);
        ResponseEntity<JsonNode> retry = retry("/api/admin/failures/retry?source=festival:AMPAS&subject={subject}",
                Integer.toString(tmdbId));
        assertThat(retry.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(retry.getBody().get("movies").asInt()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> http.getForObject(
                "/api/import/failures?source=festival:AMPAS&limit=500", JsonNode.class).findValues("tmdbId").stream()
                .noneMatch(id -> id.asInt() == tmdbId));
        assertThat(outcomes(List.of(tmdbId), "failed")).as("imported or skipped now").isEmpty();
    }

    @Test
    void aFilmMatchedWhoseImportLeftNoOutcomeAtAllIsImportedByTheNextRetry() {
        // Films of the 1965 ceremony found in TMDb: neither their outcome nor a failure can be recorded.
        refuseOutcomes("zz_refuse_1965_outcomes", "EXISTS (SELECT 1 FROM festival_match m WHERE m.organization = "
                + "'AMPAS' AND m.year = 1965 AND m.tmdb_id = NEW.tmdb_id)");
        List<Integer> films;
        try {
            assertThat(importCeremony(1965).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
            films = matchedFilms(1965);
            assertThat(films).isNotEmpty();
            assertThat(withoutOutcome(films)).as("matched, and nothing recorded of their import").isNotEmpty();
        } finally {
            jdbc.sql("DROP TRIGGER IF EXISTS zz_refuse_1965_outcomes ON import_ledger_outcome").update();
        }

        assertThat(retry("/api/admin/failures/retry?source=festival:AMPAS", "").getStatusCode())
                .isEqualTo(HttpStatus.ACCEPTED);
        await().atMost(Duration.ofSeconds(60)).until(() -> withoutOutcome(films).isEmpty());
    }

    /** Makes recording a movie's outcome fail, as a database that refuses the write would, where {@code when}. */
    private void refuseOutcomes(String name, String when) {
        jdbc.sql("""
                CREATE OR REPLACE FUNCTION %1$s() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF %2$s THEN
                        RAISE EXCEPTION 'test: the outcome of movie %% is refused', NEW.tmdb_id;
                    END IF;
                    RETURN NEW;
                END $$""".formatted(name, when)).update();
        jdbc.sql("CREATE TRIGGER %1$s BEFORE INSERT OR UPDATE ON import_ledger_outcome FOR EACH ROW EXECUTE FUNCTION %1$s()"
                .formatted(name)).update();
    }

    /** The movies the ceremony's nominations are matched to, as the command side recorded them. */
    private List<Integer> matchedFilms(int year) {
        return jdbc.sql("SELECT DISTINCT tmdb_id FROM festival_match WHERE organization = 'AMPAS' AND year = :year "
                + "AND status = 'matched' ORDER BY tmdb_id").param("year", year).query(Integer.class).list();
    }

    private List<Integer> withoutOutcome(List<Integer> tmdbIds) {
        return jdbc.sql("""
                        SELECT id FROM unnest(CAST(:ids AS int[])) AS id
                         WHERE NOT EXISTS (SELECT 1 FROM import_ledger_outcome o WHERE o.tmdb_id = id)
                         ORDER BY id""")
                .param("ids", tmdbIds.toArray(Integer[]::new)).query(Integer.class).list();
    }

    private List<Integer> outcomes(List<Integer> tmdbIds, String outcome) {
        return jdbc.sql("""
                        SELECT tmdb_id FROM import_ledger_outcome
                         WHERE tmdb_id = ANY (CAST(:ids AS int[])) AND outcome = :outcome ORDER BY tmdb_id""")
                .param("ids", tmdbIds.toArray(Integer[]::new)).param("outcome", outcome).query(Integer.class).list();
    }

    /** The failure of the Academy's ceremony of {@code year}, as GET /api/import/failures lists it; null if none. */
    private JsonNode ceremonyFailure(int year) {
        for (JsonNode item : http.getForObject("/api/import/failures?source=festival:AMPAS&limit=500",
                JsonNode.class).get("items")) {
            if (item.get("subject").asText().equals("ceremony\u0001" + year)) {
                return item;
            }
        }
        return null;
    }

    private List<JsonNode> ceremonyFailed(int year) {
        return StoredEvents.of(jdbc, "CeremonyImportFailed").stream()
                .filter(event -> event.get("year").asInt() == year).toList();
    }

    /** A retry, once no other retry runs. */
    private ResponseEntity<JsonNode> retry(String url, String subject) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> admin().postForEntity(url, null, JsonNode.class,
                subject), answer -> answer.getStatusCode() != HttpStatus.CONFLICT);
    }

    private static void assertProblem(ResponseEntity<JsonNode> answer, HttpStatus status) {
        assertThat(answer.getStatusCode()).isEqualTo(status);
        assertThat(answer.getHeaders().getContentType().toString()).startsWith("application/problem+json");
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
