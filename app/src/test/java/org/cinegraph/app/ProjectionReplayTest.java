package org.cinegraph.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.cinegraph.events.ImportTrigger;
import org.cinegraph.events.YearImportStarted;
import org.cinegraph.sandbox.TmdbSandboxServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.RequestEntity;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The incident drill and the admin replay: every projection rebuilt from the events alone, beside its live
 * tables, to exactly what it was, while the API keeps answering.
 */
@SpringBootTest(classes = CinegraphApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "cinegraph.data-dir=target/test-data/replay-${random.uuid}",
        "cinegraph.admin.password=" + ApplicationTest.ADMIN_PASSWORD})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProjectionReplayTest {

    private static final int NEWEST = Year.now(ZoneOffset.UTC).getValue() - 2;
    /**
     * Whether this class imported its data into the application it shares with other test classes, whose own
     * events (EventEvolutionTest's, say) may be in the store before it runs.
     */
    private static boolean imported;

    @Autowired
    private TestRestTemplate http;
    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private TmdbSandboxServer tmdb;
    @Autowired
    private EventProcessingConfiguration processing;

    private Map<String, String> answers;
    private Map<String, List<String>> rows;
    private List<String> indexes;

    /** Three imported years, a ceremony, a list, every projection caught up, and what the read side held then. */
    @BeforeEach
    void importedYears() {
        if (!imported) {
            imported = true;
            for (int year = NEWEST - 2; year <= NEWEST; year++) {
                admin().postForEntity("/api/admin/imports/years/" + year, null, String.class);
            }
            await().atMost(Duration.ofSeconds(90)).until(() -> http.getForObject("/api/import/years", JsonNode.class)
                    .get("years").findValuesAsText("status").stream().filter("completed"::equals).count() == 3);
            // Nominations matched and not, a list's members found and not: failures of every kind of subject.
            assertThat(admin().postForEntity("/api/admin/festivals/AMPAS/ceremonies/2024/import", null, String.class)
                    .getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
            assertThat(admin().exchange(RequestEntity.post(URI.create("/api/admin/lists/replayed"))
                    .contentType(MediaType.parseMediaType("text/csv"))
                    .body("Const,Title,Year\ntt15398776,Oppenheimer,2023\ntt13238346,Past Lives,2023\n"
                            + "tt0000061,Zzq Nowhere,1901\n"), String.class).getStatusCode())
                    .isEqualTo(HttpStatus.ACCEPTED);
            // Until every member is looked up and the movies of those found imported (none is only "found").
            await().atMost(Duration.ofSeconds(60)).until(() -> http.getForObject("/api/lists/replayed",
                    JsonNode.class).path("pending").asInt(-1) == 0 && http.getForObject(
                    "/api/lists/replayed?status=found", JsonNode.class).path("total").asInt(-1) == 0);
        }
        awaitEveryProjectionCaughtUp();
        answers = answers();
        rows = ReadModels.rows(jdbc);
        indexes = ReadModels.indexes(jdbc);
        assertThat(rows.get("movies")).isNotEmpty();
        assertThat(rows.get("skipped_imports")).isNotEmpty();
        assertThat(rows.get("festival_nominations")).isNotEmpty();
        assertThat(rows.get("canonical_list_members")).hasSize(3);
        assertThat(rows.get("import_failures")).anyMatch(row -> row.contains("list:replayed"))
                .anyMatch(row -> row.contains("festival:AMPAS"));
    }

    @Test
    @Order(1)
    void everyProjectionReplayedThroughTheApiAnswersByteForByteTheSame() {
        long requestsBefore = tmdb.requestCount();
        long eventsBefore = events();
        for (String projection : ReadModels.TABLES.keySet()) {
            ResponseEntity<JsonNode> accepted = admin().postForEntity(
                    "/api/admin/projections/" + projection + "/replay", null, JsonNode.class);
            assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
            assertThat(accepted.getBody().get("rebuild").get("state").asText()).isEqualTo("requested");
            assertThat(accepted.getBody().get("replaying").asBoolean()).isTrue();
        }
        // While the copies fill, the API answers from the live tables, unchanged.
        while (anyReplaying()) {
            assertThat(answers()).isEqualTo(answers);
        }
        awaitEveryProjectionCaughtUp();

        assertThat(answers()).isEqualTo(answers);
        assertThat(ReadModels.rows(jdbc)).isEqualTo(rows);
        assertThat(ReadModels.indexes(jdbc)).as("indexes keep their names").isEqualTo(indexes);
        assertThat(tmdb.requestCount()).as("a replay never asks TMDb").isEqualTo(requestsBefore);
        assertThat(events()).as("nor sends a command").isEqualTo(eventsBefore);
        for (JsonNode projection : http.getForObject("/api/projections", JsonNode.class)) {
            assertThat(projection.get("rebuild").get("state").asText()).isEqualTo("completed");
            assertThat(projection.get("rebuild").get("progress").asDouble()).isEqualTo(1.0);
        }
    }

    @Test
    @Order(2)
    void everyProjectionReplayedAtOnceFromOneReadAnswersByteForByteTheSame() {
        ResponseEntity<JsonNode> accepted = admin().postForEntity("/api/admin/projections/replay", null,
                JsonNode.class);
        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(accepted.getBody().findValuesAsText("name")).containsAll(ReadModels.TABLES.keySet());
        assertThat(accepted.getBody().findValuesAsText("replaying")).containsOnly("true");
        ResponseEntity<JsonNode> again = admin().postForEntity("/api/admin/projections/replay", null, JsonNode.class);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(again.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
        assertThat(http.postForEntity("/api/admin/projections/replay", null, String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        while (anyReplaying()) {
            assertThat(answers()).isEqualTo(answers);
        }
        awaitEveryProjectionCaughtUp();

        assertThat(answers()).isEqualTo(answers);
        assertThat(ReadModels.rows(jdbc)).isEqualTo(rows);
        assertThat(ReadModels.indexes(jdbc)).isEqualTo(indexes);
        assertThat(http.getForObject("/api/projections", JsonNode.class).findValuesAsText("state"))
                .containsOnly("completed");
    }

    @Test
    @Order(3)
    void aReplayUnderWayIsAConflictAndAnUnknownProjectionIsNotFound() {
        // import-state holds a handful of rows: its replay can end before the second request arrives, which is
        // then a replay of its own. A few tries find it under way.
        ResponseEntity<JsonNode> again = null;
        for (int attempt = 0; attempt < 5 && (again == null || again.getStatusCode() != HttpStatus.CONFLICT);
             attempt++) {
            await().atMost(Duration.ofSeconds(60)).until(() -> !anyReplaying());
            awaitEveryProjectionCaughtUp();
            assertThat(admin().postForEntity("/api/admin/projections/import-state/replay", null, String.class)
                    .getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
            again = admin().postForEntity("/api/admin/projections/import-state/replay", null, JsonNode.class);
        }
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(again.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");

        ResponseEntity<JsonNode> unknown = admin().postForEntity("/api/admin/projections/no-such/replay", null,
                JsonNode.class);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getBody().get("detail").asText()).contains("no-such");
        assertThat(http.postForEntity("/api/admin/projections/movies/replay", null, String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        awaitEveryProjectionCaughtUp();
        assertThat(answers()).isEqualTo(answers);
    }

    @Test
    @Order(4)
    void aDroppedImportStateTableComesBackWithExactlyItsContent() {
        jdbc.sql("DROP TABLE import_state").update();
        ResponseEntity<JsonNode> missing = http.getForEntity("/api/import/state", JsonNode.class);
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(missing.getBody().get("detail").asText()).contains("/api/admin/projections/");

        replay("import-state");

        assertThat(answers()).isEqualTo(answers);
        assertThat(ReadModels.rows(jdbc)).isEqualTo(rows);
    }

    @Test
    @Order(5)
    void everyProjectionTableDroppedAtOnceComesBackExactly() {
        ReadModels.TABLES.values().stream().flatMap(List::stream)
                .forEach(table -> jdbc.sql("DROP TABLE " + table).update());

        ReadModels.TABLES.keySet().forEach(this::replay);

        assertThat(answers()).isEqualTo(answers);
        assertThat(ReadModels.rows(jdbc)).isEqualTo(rows);
        assertThat(ReadModels.indexes(jdbc)).isEqualTo(indexes);
    }

    @Test
    @Order(6)
    void aReplayFillsColumnsAddedAfterTheMoviesWereImported() {
        // As if the movies had been imported before V8 added the columns.
        jdbc.sql("UPDATE movies SET runtime = NULL, original_language = NULL").update();
        long requestsBefore = tmdb.requestCount();

        replay("movies");

        assertThat(jdbc.sql("SELECT count(*) FROM movies WHERE original_language IS NULL").query(Long.class)
                .single()).isZero();
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM movies WHERE runtime IS DISTINCT FROM (tmdb_data ->> 'runtime')::int
                            OR original_language IS DISTINCT FROM tmdb_data ->> 'original_language'""")
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM movies WHERE runtime > 0").query(Long.class).single())
                .isPositive();
        assertThat(ReadModels.rows(jdbc)).isEqualTo(rows);
        assertThat(tmdb.requestCount()).as("no TMDb request").isEqualTo(requestsBefore);
        JsonNode movie = http.getForObject("/api/movies?limit=1", JsonNode.class).get("items").get(0);
        assertThat(movie.get("originalLanguage").asText()).isNotBlank();
        assertThat(movie.get("runtime").asInt()).isPositive();
    }

    @Test
    @Order(7)
    void aReplayAppliesTheEventsParkedAsDeadLettersAgainAndClearsThem() {
        SequencedDeadLetterQueue<EventMessage<?>> queue = processing.deadLetterQueue("skipped-imports").orElseThrow();
        String sequence = "parked-before-the-replay";
        EventMessage<?> parked = new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(1),
                GenericEventMessage.asEventMessage(new YearImportStarted(NEWEST, ImportTrigger.ADMIN)));
        queue.enqueue(sequence, new GenericDeadLetter<>(sequence, parked, new IllegalStateException("boom")));

        replay("skipped-imports");

        assertThat(queue.contains(sequence)).isFalse();
        assertThat(ReadModels.rows(jdbc)).isEqualTo(rows);
    }

    private void replay(String projection) {
        assertThat(admin().postForEntity("/api/admin/projections/" + projection + "/replay", null, String.class)
                .getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        awaitEveryProjectionCaughtUp();
    }

    private long events() {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry").query(Long.class).single();
    }

    private boolean anyReplaying() {
        return http.getForObject("/api/projections", JsonNode.class).findValuesAsText("replaying").contains("true");
    }

    private void awaitEveryProjectionCaughtUp() {
        await().atMost(Duration.ofSeconds(60)).until(() -> http.getForObject("/api/projections", JsonNode.class)
                .findValuesAsText("caughtUp").stream().allMatch("true"::equals));
    }

    private Map<String, String> answers() {
        List<Integer> movieIds = jdbc.sql("SELECT tmdb_id FROM movies ORDER BY tmdb_id LIMIT 3")
                .query(Integer.class).list();
        return ReadModels.answers(path -> http.getForObject(path, String.class), movieIds);
    }

    private TestRestTemplate admin() {
        return http.withBasicAuth("admin", ApplicationTest.ADMIN_PASSWORD);
    }
}
