package org.cinegraph.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Spring Boot's structured logging, as README's "Logs" section configures it: started as {@code java -jar} runs it
 * with {@code logging.structured.format.console=ecs}, the application writes one JSON object a line, and what a year
 * import logs carries the year as a field of its own, which the rest of the log does not.
 */
class StructuredLoggingTest {

    private static final int YEAR = Year.now(ZoneOffset.UTC).getValue() - 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aYearImportsLogLinesCarryTheYearAsAFieldInEcsJson() throws Exception {
        Path log = Path.of("target", "structured-logging", "app.log");
        try (ChildApp app = ChildApp.start(log,
                "cinegraph.data-dir=target/test-data/structured-logging-" + UUID.randomUUID(),
                "logging.structured.format.console=ecs",
                "cinegraph.schedule.enabled=false",
                "cinegraph.import.first-year=" + YEAR, "cinegraph.import.last-year=" + YEAR,
                "cinegraph.sandbox.movies-per-year." + YEAR + "=40")) {
            assertThat(app.postAsAdmin("/api/admin/imports/years/" + YEAR)).isEqualTo(202);
            await().atMost(Duration.ofSeconds(120)).until(() -> lines(log).stream()
                    .anyMatch(line -> line.path("message").asText().startsWith("Year " + YEAR + " completed")));
        }

        List<JsonNode> lines = lines(log);
        // The application's own lines are ECS JSON: a timestamp, a level and the logger beside the message.
        JsonNode started = lines.stream().filter(line -> line.path("message").asText().startsWith("Tomcat started"))
                .findFirst().orElseThrow();
        assertThat(started.path("@timestamp").asText()).isNotBlank();
        assertThat(started.path("log").path("level").asText()).isEqualTo("INFO");
        assertThat(started.has("year")).isFalse();

        List<JsonNode> yearLines = lines.stream()
                .filter(line -> line.path("message").asText().startsWith("Year " + YEAR)).toList();
        // "TMDb lists N movies; discovering them…", "N movies to import", "… completed: …" at least.
        assertThat(yearLines).hasSizeGreaterThanOrEqualTo(3);
        assertThat(yearLines).allSatisfy(line -> assertThat(line.path("year").asText()).isEqualTo(Integer.toString(YEAR)));
    }

    /** Every line of the log that is a JSON object; the embedded PostgreSQL's own output may be plain text. */
    private static List<JsonNode> lines(Path log) throws IOException {
        List<JsonNode> parsed = new ArrayList<>();
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            if (line.startsWith("{")) {
                try {
                    parsed.add(JSON.readTree(line));
                } catch (IOException halfWritten) {
                    // the line being written as the log was read
                }
            }
        }
        return parsed;
    }
}
