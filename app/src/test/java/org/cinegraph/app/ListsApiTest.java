package org.cinegraph.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.cinegraph.events.MovieImported;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.RequestEntity;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Canonical lists uploaded as IMDb exports, their members found in the TMDb sandbox, and read back through the API.
 * Oppenheimer is a film the sandbox's TMDb knows (it is nominated in the bundled oscars.csv); Past Lives is one it
 * does not; the tt00000xx ids are nobody's.
 */
@ApplicationTest
class ListsApiTest {

    private static final String HEADER = "Position,Const,Created,Modified,Description,Title,URL,Title Type,"
            + "IMDb Rating,Runtime (mins),Year,Genres,Num Votes,Release Date,Directors\n";
    private static final String OPPENHEIMER = "1,tt15398776,2024-03-11,,,Oppenheimer,,Movie,8.3,180,2023,,,,\n";
    private static final String PAST_LIVES = "2,tt13238346,2024-03-11,,,Past Lives,,Movie,7.8,105,2023,,,,\n";
    private static final String NOBODY = "3,tt0000051,2024-03-11,,,Zzq Listed Nowhere,,Movie,,,1901,,,,\n";

    @Autowired
    private TestRestTemplate http;
    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private EventGateway events;
    @Autowired
    private TransactionTemplate transactions;

    @Test
    void aListsMembersAreFoundImportedAndTheUnknownAreFailuresWithTheirTitles() {
        ResponseEntity<JsonNode> uploaded = upload("best-of-2023", HEADER + OPPENHEIMER + PAST_LIVES + NOBODY
                + OPPENHEIMER.replace("1,", "4,"));
        assertThat(uploaded.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(uploaded.getHeaders().getLocation()).hasPath("/api/lists/best-of-2023");
        assertThat(uploaded.getBody().get("entries").asInt()).as("each id once").isEqualTo(3);
        assertThat(uploaded.getBody().get("added").asInt()).isEqualTo(3);

        JsonNode list = awaitLookedUp("best-of-2023");
        assertThat(list.get("size").asInt()).isEqualTo(3);
        assertThat(list.get("matched").asInt()).isEqualTo(1);
        assertThat(list.get("notFound").asInt()).isEqualTo(2);
        JsonNode oppenheimer = member(list, "tt15398776");
        assertThat(oppenheimer.get("position").asInt()).isEqualTo(1);
        assertThat(oppenheimer.get("title").asText()).isEqualTo("Oppenheimer");
        int tmdbId = oppenheimer.get("tmdbId").asInt();
        JsonNode movie = await().atMost(Duration.ofSeconds(20)).until(
                () -> http.getForEntity("/api/movies/" + tmdbId, JsonNode.class),
                answer -> answer.getStatusCode() == HttpStatus.OK).getBody();
        assertThat(movie.get("imdbId").asText()).isEqualTo("tt15398776");
        assertThat(await().atMost(Duration.ofSeconds(20)).until(() -> member(get("/api/lists/best-of-2023"),
                "tt15398776").get("status").asText(), "imported"::equals)).isEqualTo("imported");
        JsonNode pastLives = member(list, "tt13238346");
        assertThat(pastLives.get("status").asText()).isEqualTo("not_found");
        assertThat(pastLives.get("reason").asText()).isEqualTo("no_tmdb_match");
        assertThat(pastLives.get("tmdbId").isNull()).isTrue();

        JsonNode failures = await().atMost(Duration.ofSeconds(20)).until(
                () -> get("/api/import/failures?source=list:best-of-2023&reason=no_tmdb_match"),
                read -> read.get("total").asInt() == 2);
        JsonNode failure = item(failures, "imdbId", "tt13238346");
        assertThat(failure.get("title").asText()).isEqualTo("Past Lives");
        assertThat(failure.get("year").asInt()).isEqualTo(2023);
        assertThat(failure.get("tmdbId").isNull()).isTrue();
        assertThat(failure.get("retryCount").asInt()).isZero();
        assertThat(failure.get("lastAttemptAt").asText()).isNotBlank();
        assertThat(failure.get("detail").asText()).contains("TMDb knows no movie of IMDb id tt13238346");

        JsonNode lists = get("/api/lists");
        assertThat(item(lists, "key", "best-of-2023").get("size").asInt()).isEqualTo(3);
        assertThat(get("/api/lists/best-of-2023?status=not_found").get("total").asInt()).isEqualTo(2);

        long recorded = StoredEvents.of(jdbc, "CanonicalListImported").size();
        ResponseEntity<JsonNode> again = upload("best-of-2023", HEADER + OPPENHEIMER + PAST_LIVES + NOBODY);
        assertThat(again.getBody().get("changed").asBoolean()).as("the same list again").isFalse();
        assertThat(StoredEvents.of(jdbc, "CanonicalListImported")).hasSize((int) recorded);

        ResponseEntity<JsonNode> shorter = upload("best-of-2023", HEADER + OPPENHEIMER + PAST_LIVES);
        assertThat(shorter.getBody().get("changed").asBoolean()).isTrue();
        assertThat(shorter.getBody().get("removed").asInt()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(20)).until(
                () -> get("/api/import/failures?source=list:best-of-2023").get("total").asInt() == 1);
        // The lists' projection applies the shorter list in its own time, after the failures' one perhaps.
        JsonNode afterwards = await().atMost(Duration.ofSeconds(30)).until(() -> awaitLookedUp("best-of-2023"),
                read -> read.get("size").asInt() == 2);
        assertThat(member(afterwards, "tt15398776").get("tmdbId").asInt()).as("what was found stays found")
                .isEqualTo(tmdbId);
        assertThat(StoredEvents.where(jdbc, "MovieImported", "imdbId", "tt15398776")).as("imported once").hasSize(1);
    }

    @Test
    void aMemberTmdbDidNotKnowIsFoundWhenItsMovieIsImportedLater() {
        upload("later", HEADER + "1,tt0000052,,,,Zzq Imported Later,,Movie,,,1950,,,,\n");
        await().atMost(Duration.ofSeconds(20)).until(() -> get("/api/import/failures?source=list:later")
                .get("total").asInt() == 1);

        transactions.executeWithoutResult(status -> events.publish(new MovieImported(987_654_401, "tt0000052",
                "Zzq Imported Later", LocalDate.of(1950, 5, 1), null, "year_import", "{\"id\":987654401}")));

        await().atMost(Duration.ofSeconds(20)).until(() -> get("/api/import/failures?source=list:later")
                .get("total").asInt() == 0);
        JsonNode member = await().atMost(Duration.ofSeconds(20)).until(
                () -> member(get("/api/lists/later"), "tt0000052"), found -> "imported".equals(found.get("status").asText()));
        assertThat(member.get("tmdbId").asInt()).isEqualTo(987_654_401);
        assertThat(StoredEvents.where(jdbc, "ListEntryFound", "imdbId", "tt0000052"))
                .singleElement().matches(event -> "imported".equals(event.path("method").asText()));
    }

    @Test
    void aRetryFindsAMemberThatIsKnownSince() {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", new ByteArrayResource((HEADER + "1,tt0000053,,,,Zzq Retried Member,,Movie,,,1960,,,,\n")
                .getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "retried.csv";
            }
        });
        ResponseEntity<JsonNode> uploaded = await().atMost(Duration.ofSeconds(30)).until(
                () -> admin().postForEntity("/api/admin/lists/retried", form, JsonNode.class),
                answer -> answer.getStatusCode() != HttpStatus.CONFLICT);
        assertThat(uploaded.getStatusCode()).as("a form's file").isEqualTo(HttpStatus.ACCEPTED);
        await().atMost(Duration.ofSeconds(20)).until(() -> get("/api/import/failures?source=list:retried")
                .get("total").asInt() == 1);
        // Meanwhile the movie is known: imported by another source, without an event this test could send.
        jdbc.sql("""
                        INSERT INTO import_ledger_outcome (tmdb_id, outcome, attempts, recorded_at, source, imdb_id)
                        VALUES (987654402, 'imported', 1, now(), 'year_import', 'tt0000053')""").update();

        ResponseEntity<JsonNode> retry = await().atMost(Duration.ofSeconds(30)).until(() -> admin().postForEntity(
                "/api/admin/failures/retry?source=list:retried&subject=tt0000053", null, JsonNode.class),
                answer -> answer.getStatusCode() != HttpStatus.CONFLICT);
        assertThat(retry.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(retry.getBody().get("listMembers").asInt()).isEqualTo(1);

        await().atMost(Duration.ofSeconds(20)).until(() -> get("/api/import/failures?source=list:retried")
                .get("total").asInt() == 0);
        // The lists' projection applies the find in its own time, after the failures' one perhaps.
        assertThat(await().atMost(Duration.ofSeconds(20)).until(() -> member(get("/api/lists/retried"), "tt0000053")
                .get("tmdbId").asInt(), id -> id != 0)).isEqualTo(987_654_402);
        assertProblem(admin().postForEntity("/api/admin/failures/retry?source=list:retried&subject=tt0000053", null,
                JsonNode.class), HttpStatus.NOT_FOUND, "No failure of list:retried");
        assertProblem(admin().postForEntity("/api/admin/failures/retry?source=list:never-uploaded", null,
                JsonNode.class), HttpStatus.BAD_REQUEST, "No list 'never-uploaded'");
        assertProblem(admin().postForEntity("/api/admin/failures/retry?source=list:retried&subject=<b>", null,
                JsonNode.class), HttpStatus.BAD_REQUEST, "subject names no failure");
    }

    @Test
    void aMovieOfAMemberWhoseImportCannotBeRecordedIsAFailureOfTheListToRetry() {
        // Nominated in 1955, so the sandbox's TMDb knows them (all but about one in twenty); no other test imports them.
        String members = HEADER + "1,tt0046816,,,,The Caine Mutiny,,Movie,,,1954,,,,\n"
                + "2,tt0046874,,,,The Country Girl,,Movie,,,1954,,,,\n"
                + "3,tt0047296,,,,On the Waterfront,,Movie,,,1954,,,,\n";
        // Recording the movies' outcomes fails, as a database that refuses the write would; recording a failure does not.
        jdbc.sql("""
                CREATE OR REPLACE FUNCTION zz_refuse_unrecorded_outcomes() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.source = 'list:unrecorded' AND NEW.outcome <> 'failed' THEN
                        RAISE EXCEPTION 'test: the outcome of movie % is refused', NEW.tmdb_id;
                    END IF;
                    RETURN NEW;
                END $$""").update();
        jdbc.sql("CREATE TRIGGER zz_refuse_unrecorded_outcomes BEFORE INSERT OR UPDATE ON import_ledger_outcome "
                + "FOR EACH ROW EXECUTE FUNCTION zz_refuse_unrecorded_outcomes()").update();
        JsonNode failure;
        try {
            assertThat(upload("unrecorded", members).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
            JsonNode failures = await().atMost(Duration.ofSeconds(30)).until(
                    () -> get("/api/import/failures?source=list:unrecorded&reason=http_error"),
                    read -> read.get("items").findValues("tmdbId").stream().anyMatch(id -> !id.isNull()));
            failure = failures.get("items").findParents("tmdbId").stream()
                    .filter(item -> !item.get("tmdbId").isNull()).findFirst().orElseThrow();
        } finally {
            jdbc.sql("DROP TRIGGER IF EXISTS zz_refuse_unrecorded_outcomes ON import_ledger_outcome").update();
        }
        assertThat(failure.get("detail").asText()).contains("could not be recorded");
        assertThat(failure.get("subject").asText()).isEqualTo(failure.get("tmdbId").asText());
        String title = failure.get("title").asText();
        // The lists' projection records the list in its own time, after the failures' one perhaps.
        JsonNode unrecorded = await().atMost(Duration.ofSeconds(20)).until(() -> get("/api/lists/unrecorded"),
                list -> list.has("items") && list.get("items").findValues("title").stream()
                        .anyMatch(shown -> title.equals(shown.asText())));
        String imdbId = item(unrecorded, "title", title).get("imdbId").asText();
        assertThat(member(get("/api/lists/unrecorded"), imdbId).get("status").asText()).isEqualTo("failed");

        int tmdbId = failure.get("tmdbId").asInt();
        ResponseEntity<JsonNode> retry = await().atMost(Duration.ofSeconds(30)).until(() -> admin().postForEntity(
                "/api/admin/failures/retry?source=list:unrecorded&subject=" + tmdbId, null, JsonNode.class),
                answer -> answer.getStatusCode() != HttpStatus.CONFLICT);
        assertThat(retry.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(retry.getBody().get("movies").asInt()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> get("/api/import/failures?source=list:unrecorded")
                .get("items").findValues("tmdbId").stream().noneMatch(id -> id.asInt() == tmdbId));
        // Each projection applies the movie's outcome in its own time: "found" until the movie's shows.
        await().atMost(Duration.ofSeconds(20)).until(() -> member(get("/api/lists/unrecorded"), imdbId)
                .get("status").asText(), status -> "imported".equals(status) || "skipped".equals(status));
    }

    @Test
    void theLongestKeyIsASourceOfFailuresToo() {
        String key = "k".repeat(56);
        assertThat(upload(key, HEADER + "1,tt0000054,,,,Zzq Long Listed,,Movie,,,1970,,,,\n").getStatusCode())
                .isEqualTo(HttpStatus.ACCEPTED);
        JsonNode failures = await().atMost(Duration.ofSeconds(20)).until(
                () -> get("/api/import/failures?source=list:" + key), read -> read.get("total").asInt() == 1);
        assertThat(failures.at("/items/0/title").asText()).isEqualTo("Zzq Long Listed");
    }

    @Test
    void uploadsThatAreNoImdbListAreProblemsAndRecordNothing() {
        long recorded = StoredEvents.of(jdbc, "CanonicalListImported").size();
        assertProblem(upload("hostile", ""), HttpStatus.BAD_REQUEST, "empty");
        assertProblem(upload("hostile", "{\"Const\": \"tt15398776\"}"), HttpStatus.BAD_REQUEST, "no Const column");
        assertProblem(upload("hostile", "<html><script>alert(1)</script><body>tt15398776</body></html>"),
                HttpStatus.BAD_REQUEST, "no Const column");
        assertProblem(upload("hostile", "Position,Title\n1,Oppenheimer\n"), HttpStatus.BAD_REQUEST,
                "no Const column");
        assertProblem(upload("hostile", HEADER + OPPENHEIMER + "2,nm0634240,,,,Christopher Nolan,,,,,,,,,\n"),
                HttpStatus.BAD_REQUEST, "Line 3");
        assertProblem(send("hostile", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, (byte) 0xff}),
                HttpStatus.BAD_REQUEST, "not UTF-8");
        byte[] tooLarge = new byte[10 * 1024 * 1024 + 1];
        Arrays.fill(tooLarge, (byte) 'x');
        assertProblem(send("hostile", tooLarge), HttpStatus.PAYLOAD_TOO_LARGE, "at most 10 MB");
        assertProblem(upload("Not-Lower", HEADER + OPPENHEIMER), HttpStatus.BAD_REQUEST, "lower-case");
        assertProblem(upload("a".repeat(57), HEADER + OPPENHEIMER), HttpStatus.BAD_REQUEST, "1 to 56");
        assertThat(http.exchange(RequestEntity.post(URI.create("/api/admin/lists/hostile"))
                .contentType(MediaType.parseMediaType("text/csv")).body(HEADER + OPPENHEIMER), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(StoredEvents.of(jdbc, "CanonicalListImported")).hasSize((int) recorded);

        assertProblem(http.getForEntity("/api/lists/never-uploaded", JsonNode.class), HttpStatus.NOT_FOUND,
                "No list 'never-uploaded'");
        assertProblem(http.getForEntity("/api/lists/never-uploaded?status=lost", JsonNode.class),
                HttpStatus.BAD_REQUEST, "status must be one of");
        assertProblem(http.getForEntity("/api/lists?limit=0", JsonNode.class), HttpStatus.BAD_REQUEST, "limit");
    }

    private static void assertProblem(ResponseEntity<JsonNode> answer, HttpStatus status, String detail) {
        assertThat(answer.getStatusCode()).isEqualTo(status);
        assertThat(answer.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(answer.getBody().get("detail").asText()).contains(detail);
    }

    /** Uploads as a new user would with curl: the export as the body; waits while the list is being looked up. */
    private ResponseEntity<JsonNode> upload(String key, String csv) {
        return send(key, csv.getBytes(StandardCharsets.UTF_8));
    }

    private ResponseEntity<JsonNode> send(String key, byte[] body) {
        return await().atMost(Duration.ofSeconds(30)).until(
                () -> admin().exchange(RequestEntity.post(URI.create("/api/admin/lists/" + key))
                        .contentType(MediaType.parseMediaType("text/csv")).body(body), JsonNode.class),
                answer -> answer.getStatusCode() != HttpStatus.CONFLICT);
    }

    private JsonNode awaitLookedUp(String key) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> get("/api/lists/" + key),
                list -> list.has("pending") && list.get("pending").asInt() == 0);
    }

    private JsonNode get(String path) {
        return http.getForObject(path, JsonNode.class);
    }

    private static JsonNode member(JsonNode list, String imdbId) {
        return item(list, "imdbId", imdbId);
    }

    private static JsonNode item(JsonNode page, String field, String value) {
        for (JsonNode item : page.get("items")) {
            if (value.equals(item.path(field).asText())) {
                return item;
            }
        }
        throw new AssertionError("No item with " + field + " " + value + " in " + page);
    }

    private TestRestTemplate admin() {
        return http.withBasicAuth("admin", ApplicationTest.ADMIN_PASSWORD);
    }
}
