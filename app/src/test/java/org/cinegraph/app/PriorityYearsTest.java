package org.cinegraph.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.cinegraph.command.tables.DerivedTables;
import org.cinegraph.events.YearsPrioritized;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * Priority years through the API, on a range of four years: refused when the body is not a list of distinct years
 * of the range, or names a completed year, with nothing recorded; put first by the pass in the admin's order, then
 * the rest newest first; shown by {@code GET /api/schedule}, each leaving it as it completes; recorded once however
 * often it is sent; and {@code import_ledger_priority} rebuilt from the events to the rows written live, from which
 * the pass goes on as before. An application of its own: it imports years and sets the pass's order.
 */
@ApplicationTest
@TestPropertySource(properties = {"cinegraph.data-dir=target/test-data/priority-${random.uuid}",
        "cinegraph.import.first-year=2003", "cinegraph.import.last-year=2000", "cinegraph.import.continuous=false",
        "cinegraph.sandbox.movies-per-year.2003=20", "cinegraph.sandbox.movies-per-year.2002=20",
        "cinegraph.sandbox.movies-per-year.2001=20", "cinegraph.sandbox.movies-per-year.2000=20"})
@DirtiesContext
class PriorityYearsTest {

    private static final String PRIORITY = "/api/admin/imports/priority";
    private static final String JSON_TYPE = "application/json";
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    private int port;
    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private DerivedTables derivedTables;
    @Autowired
    private EventGateway events;
    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void priorityYearsGoFirstInTheirOrderLeaveAsTheyCompleteAndRebuildToTheSameRows() throws Exception {
        assertThat(priorityYears()).isEmpty();
        assertRefused(JSON_TYPE, "", 400, "object");
        assertRefused(JSON_TYPE, "years=2001", 400, "not valid JSON");
        assertRefused(JSON_TYPE, "[2001]", 400, "object");
        assertRefused(JSON_TYPE, "{}", 400, "array");
        assertRefused(JSON_TYPE, "{\"years\": 2001}", 400, "array");
        assertRefused(JSON_TYPE, "{\"years\": null}", 400, "array");
        assertRefused(JSON_TYPE, "{\"years\": [\"2001\"]}", 400, "Element 1");
        assertRefused(JSON_TYPE, "{\"years\": [2001, 2000.5]}", 400, "Element 2");
        assertRefused(JSON_TYPE, "{\"years\": [2001, null]}", 400, "Element 2");
        assertRefused(JSON_TYPE, "{\"years\": [2147483648]}", 400, "Element 1");
        assertRefused(JSON_TYPE, "{\"years\": [99999999999999999999999]}", 400, "Element 1");
        assertRefused(JSON_TYPE, "{\"years\": [2001, 2001]}", 400, "2001 is named twice");
        assertRefused(JSON_TYPE, "{\"years\": [2001, 2004]}", 400, "2003 down to 2000");
        assertRefused(JSON_TYPE, "{\"years\": [1999]}", 400, "2003 down to 2000");
        assertRefused(JSON_TYPE, "{\"years\": [2001], \"yaers\": [2002]}", 400, "only \"years\"");
        assertRefused(JSON_TYPE, "{\"years\": [2001], \"years\": [2002]}", 400, "not valid JSON");
        assertRefused(JSON_TYPE, "{\"years\": [2001]} {}", 400, "not valid JSON");
        assertRefused(JSON_TYPE, "{\"years\": [" + IntStream.range(0, 51).mapToObj(i -> "2001")
                .collect(Collectors.joining(", ")) + "]}", 400, "At most 50");
        assertRefused(JSON_TYPE, "{\"years\": [2001" + " ".repeat(5000) + "]}", 413, "4096 bytes");
        assertRefused("text/plain", "{\"years\": [2001]}", 415, null);
        HttpResponse<String> anonymous = send(JSON_TYPE, "{\"years\": [2001]}", false);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(StoredEvents.of(jdbc, "YearsPrioritized")).as("nothing refused is recorded").isEmpty();

        // Set, cleared, set again: each a new priority in force; the same one sent again records nothing.
        assertThat(prioritize("{\"years\": [2001]}")).isEqualTo(answer(List.of(2001), true));
        assertThat(priorityYears()).containsExactly(2001);
        assertThat(prioritize("{\"years\": []}")).isEqualTo(answer(List.of(), true));
        assertThat(priorityYears()).isEmpty();
        assertThat(prioritize("{\"years\": [2000, 2002]}")).isEqualTo(answer(List.of(2000, 2002), true));
        assertThat(prioritize("{ \"years\" : [ 2000 , 2002 ] }")).isEqualTo(answer(List.of(2000, 2002), false));
        assertThat(StoredEvents.of(jdbc, "YearsPrioritized")).extracting(event -> event.get("years").toString())
                .containsExactly("[2001]", "[]", "[2000,2002]");
        assertThat(priorityYears()).containsExactly(2000, 2002);

        assertThat(next()).as("the first priority year, not the range's newest").isEqualTo(2000);
        awaitCompleted(1);
        assertThat(priorityYears()).as("a completed year leaves the priority").containsExactly(2002);
        assertRefused(JSON_TYPE, "{\"years\": [2001, 2000]}", 409, "2000 is completed");
        assertThat(priorityYears()).containsExactly(2002);

        List<String> written = rows();
        assertThat(written).hasSize(1);
        assertRebuildsToTheSameRows();
        jdbc.sql("DELETE FROM import_ledger_priority").update();
        assertThat(derivedTables.lost()).as("emptied by hand").contains("import_ledger_priority");
        derivedTables.rebuild(List.of("import_ledger_priority"));
        assertThat(rows()).isEqualTo(written);

        assertThat(next()).as("decided from the rebuilt rows").isEqualTo(2002);
        awaitCompleted(2);
        assertThat(priorityYears()).isEmpty();
        assertThat(rows()).isEmpty();
        assertThat(derivedTables.lost()).as("every priority year completed").doesNotContain("import_ledger_priority");

        assertThat(next()).as("then the rest, newest first").isEqualTo(2003);
        awaitCompleted(3);
        assertThat(next()).isEqualTo(2001);
        awaitCompleted(4);
        assertThat(StoredEvents.of(jdbc, "YearImportStarted")).extracting(started -> started.get("year").asInt())
                .containsExactly(2000, 2002, 2003, 2001);
        assertRebuildsToTheSameRows();

        // A priority recorded while one of its years completed, the completion stored first though the priority did
        // not see it: the completion waited for the priority's rows and took the year off, and so does a rebuild.
        // Recorded as it would be then, without its row, since the race cannot be timed from outside.
        events.publish(new YearsPrioritized(List.of(2003)));
        assertThat(derivedTables.lost()).doesNotContain("import_ledger_priority");
        assertThat(derivedTables.rebuild(List.of("import_ledger_priority")))
                .containsEntry("import_ledger_priority", 0L);
    }

    /** Emptied and rebuilt, then dropped and rebuilt: the same rows each time, and the same priority shown. */
    private void assertRebuildsToTheSameRows() throws Exception {
        List<String> live = rows();
        List<Integer> shown = priorityYears();

        derivedTables.rebuild(List.of("import_ledger_priority"));
        assertThat(rows()).isEqualTo(live);
        assertThat(priorityYears()).isEqualTo(shown);

        jdbc.sql("DROP TABLE import_ledger_priority").update();
        assertThat(derivedTables.rebuild(List.of("import_ledger_priority"))).containsOnlyKeys("import_ledger_priority");
        assertThat(rows()).isEqualTo(live);
        assertThat(priorityYears()).isEqualTo(shown);
        assertThat(derivedTables.lost()).doesNotContain("import_ledger_priority");
    }

    private List<String> rows() {
        return jdbc.sql("SELECT row_to_json(p)::text FROM import_ledger_priority p ORDER BY rank")
                .query(String.class).list();
    }

    private List<Integer> priorityYears() throws IOException, InterruptedException {
        HttpResponse<String> schedule = client.send(HttpRequest.newBuilder(uri("/api/schedule")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(schedule.statusCode()).isEqualTo(200);
        return JSON.convertValue(JSON.readTree(schedule.body()).get("priorityYears"),
                JSON.getTypeFactory().constructCollectionType(List.class, Integer.class));
    }

    private Map<String, Object> prioritize(String body) throws Exception {
        HttpResponse<String> answer = send(JSON_TYPE, body, true);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        return JSON.readValue(answer.body(), JSON.getTypeFactory().constructMapType(LinkedHashMap.class,
                String.class, Object.class));
    }

    private static Map<String, Object> answer(List<Integer> years, boolean changed) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("priorityYears", years);
        answer.put("changed", changed);
        return answer;
    }

    private void assertRefused(String contentType, String body, int status, String detail) throws Exception {
        HttpResponse<String> answer = send(contentType, body, true);
        assertThat(answer.statusCode()).as(body).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        if (detail != null) {
            assertThat(JSON.readTree(answer.body()).get("detail").asText()).as(body).contains(detail);
        }
    }

    /** The pass's next step, as an admin asks for it: the year it started. */
    private int next() throws Exception {
        HttpResponse<String> answer = client.send(HttpRequest.newBuilder(uri("/api/admin/imports/next"))
                .header("Authorization", admin()).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        JsonNode started = JSON.readTree(answer.body());
        assertThat(started.get("action").asText()).isEqualTo("start_year");
        return started.get("year").asInt();
    }

    private HttpResponse<String> send(String contentType, String body, boolean asAdmin)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(PRIORITY)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (asAdmin) {
            request.header("Authorization", admin());
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private void awaitCompleted(int years) {
        await().atMost(Duration.ofSeconds(60))
                .until(() -> StoredEvents.of(jdbc, "YearImportCompleted").size() >= years);
        assertThat(StoredEvents.of(jdbc, "YearImportCompleted")).hasSize(years);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String admin() {
        return "Basic " + Base64.getEncoder().encodeToString(
                ("admin:" + ApplicationTest.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
    }
}
