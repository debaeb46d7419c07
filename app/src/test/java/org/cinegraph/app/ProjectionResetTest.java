package org.cinegraph.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Resetting a projection rebuilds its tables from the events alone, to exactly what they were. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "cinegraph.data-dir=target/test-data/reset-${random.uuid}",
        "cinegraph.admin.password=" + ApplicationTest.ADMIN_PASSWORD})
class ProjectionResetTest {

    @Autowired
    private TestRestTemplate http;
    private static final Map<String, String> TABLES = Map.of("year-progress", "year_progress",
            "import-state", "import_state", "movies", "movies", "skipped-imports", "skipped_imports",
            "import-failures", "import_failures");

    @Autowired
    private EventProcessingConfiguration processing;
    @Autowired
    private JdbcClient jdbc;

    @Test
    void everyProjectionRebuildsItsAnswersIdentically() {
        int newest = Year.now(ZoneOffset.UTC).getValue() - 2;
        for (int year = newest - 2; year <= newest; year++) {
            http.withBasicAuth("admin", ApplicationTest.ADMIN_PASSWORD)
                    .postForEntity("/api/admin/imports/years/" + year, null, String.class);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> http.getForObject("/api/import/years", JsonNode.class)
                .get("years").findValuesAsText("status").stream().filter("completed"::equals).count() == 3);
        // Each projection is a processor of its own: the answers are complete once every one has caught up.
        await().atMost(Duration.ofSeconds(30)).until(() -> http.getForObject("/api/projections", JsonNode.class)
                .findValuesAsText("caughtUp").stream().allMatch("true"::equals));
        String years = http.getForObject("/api/import/years", String.class);
        String state = http.getForObject("/api/import/state", String.class);
        String movies = http.getForObject("/api/movies?limit=500", String.class);
        String skipped = http.getForObject("/api/import/skipped?limit=500", String.class);
        assertThat(http.getForObject("/api/movies", JsonNode.class).get("total").asInt()).isPositive();

        assertThat(processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).map(EventProcessor::getName))
                .as("every projection is covered").containsExactlyInAnyOrderElementsOf(TABLES.keySet());
        for (Map.Entry<String, String> projection : TABLES.entrySet()) {
            StreamingEventProcessor processor = processing
                    .eventProcessor(projection.getKey(), StreamingEventProcessor.class).orElseThrow();
            processor.shutDown();
            processor.resetTokens();
            assertThat(jdbc.sql("SELECT count(*) FROM " + projection.getValue()).query(Long.class).single())
                    .as("%s is emptied before its rebuild", projection.getValue()).isZero();
            processor.start();
        }
        // Axon reports a segment as replaying until an event newer than the reset arrives, so the rebuild's
        // end shows in the answers, not in the processors' status.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(http.getForObject("/api/import/years", String.class)).isEqualTo(years);
            assertThat(http.getForObject("/api/import/state", String.class)).isEqualTo(state);
            assertThat(http.getForObject("/api/movies?limit=500", String.class)).isEqualTo(movies);
            assertThat(http.getForObject("/api/import/skipped?limit=500", String.class)).isEqualTo(skipped);
        });
    }
}
