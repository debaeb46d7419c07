package org.cinegraph.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps {@code bench/reads} working: a small run must fill the tables, load every endpoint without an error and
 * write its report. Latencies are never asserted; they depend on the machine and on what else runs on it.
 */
class ReadsBenchmarkTest {

    private static final long MOVIES = 3_000;

    @TempDir
    Path results;

    @Test
    void aSmallRunWritesTheReport() throws Exception {
        ReadsReport returned = ReadsBenchmark.run(
                new ReadsBenchmark.ReadsOptions(MOVIES, Duration.ofSeconds(2), 2, results));

        JsonNode report = new ObjectMapper().readTree(results.resolve("reads-latest.json").toFile());
        assertThat(report.get("command").asText()).isEqualTo(returned.json().get("command").asText());
        assertThat(report.at("/movies/inTable").asLong()).isEqualTo(MOVIES);
        assertThat(report.at("/movies/years").asInt()).isEqualTo(50);
        assertThat(report.at("/movies/meanRecordBytes").asLong()).isBetween(4_000L, 6_500L);
        List<String> paths = new ArrayList<>();
        for (JsonNode endpoint : report.get("endpoints")) {
            paths.add(endpoint.get("path").asText());
            for (String figure : new String[] {"requestsPerSecond", "p50Ms", "p90Ms", "p99Ms", "maxMs"}) {
                assertThat(endpoint.get(figure).isNumber()).as(endpoint.get("path") + " " + figure).isTrue();
            }
            assertThat(endpoint.get("requests").asLong()).as(endpoint.get("path") + " requests").isPositive();
            assertThat(endpoint.get("errors").asLong()).as(endpoint.get("path") + " errors").isZero();
            assertThat(endpoint.get("meetsTarget").isBoolean()).isTrue();
        }
        assertThat(paths).containsExactly("/api/import/state", "/api/import/years", "/api/movies?year=");
        assertThat(report.get("moviesOfAYear")).hasSize(2)
                .allSatisfy(plan -> assertThat(plan.get("executionMs").isNumber()).isTrue());
        assertThat(report.at("/cpu/appJvmMsPerRequest").isNumber()).isTrue();
        assertThat(report.at("/machine/cores").asInt()).isPositive();
        assertThat(report.at("/cpu/loadGeneratorSeconds").asDouble()).isPositive();
        assertThat(returned.markdown()).doesNotContain("|---|").contains("GET /api/import/state", "p99", "requests/s");
        assertThat(Files.readString(results.resolve("reads-latest.md")))
                .contains("| measure | value |", "GET /api/movies?year=Y", "target 20");
    }
}
