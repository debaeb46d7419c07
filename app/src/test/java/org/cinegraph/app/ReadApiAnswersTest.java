package org.cinegraph.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The read API answers, byte for byte, what it answered when these answers were recorded: every read endpoint, with a
 * spread of filters, searches and pages, past the end, and the 400s and 404s of requests it cannot answer, over read
 * models filled by SQL ({@code read-api-answers/read-models*.sql}), then the same models at their edges, then empty.
 * Each answer is a file under {@code read-api-answers/}: the request, the status and content type, a blank line, and
 * the body's exact bytes. They were recorded on the read side as it was before it read through JPA, and again when
 * the answers gained what TMDb's export tells (the figures accounted for, its sweeps, the movies it no longer lists:
 * each answer that changed then differs by those alone), with {@code -Dread-api-answers.record=true}, which writes
 * them anew instead of comparing. A search holding a NUL
 * character is not among them: that read side answered it with a 500 (DashboardApiTest checks the 400 it is now).
 */
@SpringBootTest(classes = CinegraphApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "cinegraph.data-dir=target/test-data/answers-${random.uuid}",
        "cinegraph.schedule.enabled=false",
        "cinegraph.import.first-year=2026",
        "cinegraph.import.last-year=2015"
})
@Import(ReadApiAnswersTest.FixedClock.class)
class ReadApiAnswersTest {

    /**
     * Answers that depend on now (the activity's buckets, the time since the last daily run, a stalled year, the ETA
     * of running years, the latest year a request may name) are pinned by this clock, not normalised: the data is
     * placed against it.
     */
    static final Instant NOW = Instant.parse("2026-06-15T12:34:56Z");
    private static final String ANSWERS = "read-api-answers/";
    private static final Path RECORDED = Path.of("src/test/resources", ANSWERS);
    private static final boolean RECORD = Boolean.getBoolean("read-api-answers.record");

    private static final List<String> FULL = List.of(
            "/api/import/state",
            "/api/import/years",
            "/api/import/years/2026", "/api/import/years/2025", "/api/import/years/2024", "/api/import/years/2023",
            "/api/import/years/1999", "/api/import/years/2021", "/api/import/years/2036", "/api/import/years/2037",
            "/api/import/years/1873", "/api/import/years/abc",
            "/api/sync/health",
            "/api/import/activity", "/api/import/activity?hours=1", "/api/import/activity?hours=7",
            "/api/import/activity?hours=24", "/api/import/activity?hours=25", "/api/import/activity?hours=48",
            "/api/import/activity?hours=0", "/api/import/activity?hours=49", "/api/import/activity?hours=x",
            "/api/movies", "/api/movies?limit=3", "/api/movies?limit=3&offset=2", "/api/movies?limit=4&offset=17",
            "/api/movies?offset=20", "/api/movies?offset=1000", "/api/movies?limit=500", "/api/movies?limit=501",
            "/api/movies?limit=0", "/api/movies?offset=-1", "/api/movies?limit=abc",
            "/api/movies?year=2025", "/api/movies?year=2025&limit=3&offset=1", "/api/movies?year=2025&offset=8",
            "/api/movies?year=2026", "/api/movies?year=2024&limit=2&offset=5", "/api/movies?year=1999",
            "/api/movies?year=2036", "/api/movies?year=2037", "/api/movies?year=1873", "/api/movies?year=abc",
            "/api/movies?q=love", "/api/movies?q=LOVE&limit=2&offset=1", "/api/movies?q=%25", "/api/movies?q=_",
            "/api/movies?q=%5C", "/api/movies?q=%25_%5C", "/api/movies?q=%20%20%20", "/api/movies?q=",
            "/api/movies?q=%20love%20", "/api/movies?q=am%C3%A9lie", "/api/movies?q=AM%C3%89LIE",
            "/api/movies?q=%CF%83", "/api/movies?q=%CF%82", "/api/movies?q=stra%C3%9Fe", "/api/movies?q=STRASSE",
            "/api/movies?q=%E5%8D%83%E3%81%A8", "/api/movies?q=%F0%9F%8E%AC", "/api/movies?q=istanbul",
            "/api/movies?q=" + "x".repeat(200), "/api/movies?q=" + "x".repeat(201), "/api/movies?year=2025&q=love", "/api/movies?year=2024&q=%25&limit=1",
            "/api/movies?year=2024&q=e&offset=1",
            "/api/movies/101", "/api/movies/102", "/api/movies/104", "/api/movies/105", "/api/movies/108",
            "/api/movies/111", "/api/movies/999", "/api/movies/-1", "/api/movies/abc",
            "/api/import/skipped", "/api/import/skipped?limit=2", "/api/import/skipped?limit=2&offset=1",
            "/api/import/skipped?offset=7", "/api/import/skipped?offset=100", "/api/import/skipped?year=2025",
            "/api/import/skipped?year=2023&limit=1&offset=1", "/api/import/skipped?year=1999",
            "/api/import/skipped?year=2037", "/api/import/skipped?criterion=has_poster",
            "/api/import/skipped?criterion=has_release_date&year=2023", "/api/import/skipped?criterion=HAS_POSTER",
            "/api/import/skipped?criterion=bogus", "/api/import/skipped?q=love", "/api/import/skipped?q=%25",
            "/api/import/skipped?q=_", "/api/import/skipped?q=%5C", "/api/import/skipped?q=%E5%8D%83",
            "/api/import/skipped?q=%CE%A9MEGA", "/api/import/skipped?q=" + "x".repeat(100),
            "/api/import/skipped?q=" + "x".repeat(101),
            "/api/import/skipped?year=2025&criterion=has_poster&q=s", "/api/import/skipped?limit=501",
            "/api/import/skipped?offset=-1",
            "/api/import/failures", "/api/import/failures?limit=3&offset=2", "/api/import/failures?offset=9",
            "/api/import/failures?source=year_import", "/api/import/failures?source=festival:AMPAS",
            "/api/import/failures?source=list:top-250", "/api/import/failures?source=list:nope",
            "/api/import/failures?source=bogus", "/api/import/failures?source=festival:",
            "/api/import/failures?reason=not_found", "/api/import/failures?reason=no_tmdb_match",
            "/api/import/failures?reason=bogus", "/api/import/failures?year=2025",
            "/api/import/failures?year=1950", "/api/import/failures?year=1873", "/api/import/failures?q=love",
            "/api/import/failures?q=%25", "/api/import/failures?q=_", "/api/import/failures?q=%C3%A9chec",
            "/api/import/failures?q=" + "x".repeat(101),
            "/api/import/failures?source=year_import&reason=not_found&year=2025&q=",
            "/api/import/failures?source=list:top-250&q=100%25&limit=1",
            "/api/festivals", "/api/festivals/AMPAS/ceremonies", "/api/festivals/CANNES/ceremonies",
            "/api/festivals/BAFTA/ceremonies", "/api/festivals/ampas/ceremonies", "/api/festivals/NOPE/ceremonies",
            "/api/festivals/AMPAS/ceremonies/2024", "/api/festivals/AMPAS/ceremonies/2023",
            "/api/festivals/AMPAS/ceremonies/2020", "/api/festivals/AMPAS/ceremonies/1990",
            "/api/festivals/AMPAS/ceremonies/abc", "/api/festivals/NOPE/ceremonies/2024",
            "/api/festivals/BAFTA/ceremonies/2024",
            "/api/lists", "/api/lists?limit=1", "/api/lists?limit=1&offset=2", "/api/lists?offset=3",
            "/api/lists?limit=501", "/api/lists/top-250", "/api/lists/top-250?limit=3&offset=2",
            "/api/lists/top-250?offset=9", "/api/lists/top-250?status=pending", "/api/lists/top-250?status=not_found",
            "/api/lists/top-250?status=found", "/api/lists/top-250?status=imported",
            "/api/lists/top-250?status=skipped", "/api/lists/top-250?status=failed",
            "/api/lists/top-250?status=imported&limit=1&offset=1", "/api/lists/top-250?status=bogus",
            "/api/lists/replayed", "/api/lists/empty-list", "/api/lists/nope", "/api/lists/nope?status=bogus",
            "/api/projections",
            "/api/movies?removed=true", "/api/movies?removed=false&limit=3", "/api/movies?removed=false&offset=17",
            "/api/movies?removed=", "/api/movies?removed=TRUE", "/api/movies?removed=yes",
            "/api/movies?year=2025&removed=true", "/api/movies?year=2025&removed=false&limit=2",
            "/api/movies?q=love&removed=true", "/api/movies?q=love&removed=false",
            "/api/movies/106", "/api/movies/117");

    private static final List<String> EDGES = List.of(
            "/api/import/state", "/api/import/years", "/api/import/years/2024", "/api/import/years/2021",
            "/api/sync/health");

    private static final List<String> EMPTY = List.of(
            "/api/import/state", "/api/import/years", "/api/import/years/2026", "/api/sync/health",
            "/api/import/activity", "/api/movies", "/api/movies?year=2025", "/api/movies?q=a", "/api/movies/101",
            "/api/import/skipped", "/api/import/failures", "/api/festivals", "/api/festivals/AMPAS/ceremonies",
            "/api/lists", "/api/lists/top-250", "/api/projections");

    @TestConfiguration
    static class FixedClock {

        @Bean
        @Primary
        Clock fixedClock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }

    @LocalServerPort
    private int port;
    @Autowired
    private DataSource dataSource;

    private final HttpClient client = HttpClient.newHttpClient();
    private final List<String> differences = new ArrayList<>();

    @Test
    void everyReadAnswersAsRecorded() throws Exception {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        await().atMost(Duration.ofSeconds(60)).until(this::everyProjectionCaughtUp);
        assertThat(jdbc.sql("SELECT count(*) FROM domain_event_entry").query(Long.class).single())
                .as("no event: nothing but this test writes the read models").isZero();

        fill("read-models.sql");
        compare("full", FULL);
        fill("read-models-edge.sql");
        compare("edges", EDGES);
        fill("read-models-empty.sql");
        compare("empty", EMPTY);

        assertThat(differences).as("answers that differ from the recorded ones").isEmpty();
    }

    private void fill(String script) throws IOException {
        try (InputStream sql = resource(script)) {
            new JdbcTemplate(dataSource).execute(new String(sql.readAllBytes(), StandardCharsets.UTF_8));
        }
        ReadModels.writtenBehindTheProjections(JdbcClient.create(dataSource));
    }

    private void compare(String phase, List<String> paths) throws Exception {
        for (int i = 0; i < paths.size(); i++) {
            String name = phase + "-" + String.format("%03d", i) + "-" + slug(paths.get(i)) + ".txt";
            byte[] answer = answer(paths.get(i));
            if (RECORD) {
                Files.createDirectories(RECORDED);
                Files.write(RECORDED.resolve(name), answer);
                continue;
            }
            byte[] recorded;
            try (InputStream file = resource(name)) {
                recorded = file == null ? null : file.readAllBytes();
            }
            if (recorded == null || !Arrays.equals(recorded, answer)) {
                differences.add(name + ":\n" + new String(answer, StandardCharsets.UTF_8));
            }
        }
    }

    /** The request, the answer's status and content type, a blank line, and the body's bytes. */
    private byte[] answer(String path) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        String head = "GET " + path + "\n" + response.statusCode() + " "
                + response.headers().firstValue("Content-Type").orElse("") + "\n\n";
        answer.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        answer.writeBytes(response.body());
        return answer.toByteArray();
    }

    private boolean everyProjectionCaughtUp() throws IOException, InterruptedException {
        HttpResponse<String> projections = client.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/projections")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return new ObjectMapper().readTree(projections.body()).findValuesAsText("caughtUp").stream()
                .allMatch("true"::equals);
    }

    private static InputStream resource(String name) {
        return ReadApiAnswersTest.class.getClassLoader().getResourceAsStream(ANSWERS + name);
    }

    private static String slug(String path) {
        String slug = path.replaceFirst("^/api/", "").replaceAll("[^A-Za-z0-9]+", "-").replaceAll("-$", "");
        return slug.length() > 48 ? slug.substring(0, 48) : slug;
    }
}
