package org.cinegraph.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps {@code bench/reads} working: a small run must fill the tables, load every endpoint without an error and
 * write its report, every figure of it a finite number above zero but the errors. Latencies are never asserted; they depend on the machine and on what else runs on it.
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
            assertThat(endpoint.get("errors").asLong()).as(endpoint.get("path") + " errors").isZero();
            assertThat(endpoint.get("meetsTarget").isBoolean()).isTrue();
        }
        assertThat(paths).containsExactly("/api/import/state", "/api/import/years", "/api/movies?year=");
        assertThat(report.get("moviesOfAYear")).hasSize(2);
        SoftAssertions.assertSoftly(softly -> {
            ReportFigures.assertFigures(softly, report, "/machine/loadAverage",
                    "/endpoints/\\d+/(errors|warmUpErrors)", "/moviesOfAYear/\\d+/executionMs",
                    // CPU time is counted in ticks of 10 ms: PostgreSQL's share of a short load can round to none.
                    "/cpu/postgres(Seconds|MsPerRequest)");
            for (JsonNode endpoint : report.get("endpoints")) {
                ReportFigures.assertPresent(softly, endpoint, "/requests", "/requestsPerSecond", "/p50Ms", "/p90Ms",
                        "/p99Ms", "/maxMs");
            }
            ReportFigures.assertPresent(softly, report, "/moviesOfAYear/0/executionMs", "/moviesOfAYear/1/executionMs",
                    "/cpu/appJvmSeconds", "/cpu/appJvmMsPerRequest", "/cpu/loadGeneratorSeconds", "/movies/fillSeconds",
                    "/movies/tableBytes", "/machine/cores");
        });
        assertThat(returned.markdown()).doesNotContain("|---|").contains("GET /api/import/state", "p99", "requests/s");
        assertThat(Files.readString(results.resolve("reads-latest.md")))
                .contains("| measure | value |", "GET /api/movies?year=Y", "target 10");
    }
}
