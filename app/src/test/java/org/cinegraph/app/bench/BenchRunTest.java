package org.cinegraph.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps {@code bench/run} working: a small run of every benchmark must complete and write the combined report.
 * Timings are never asserted; they depend on the machine and on what else runs on it.
 */
class BenchRunTest {

    @TempDir
    Path results;

    @Test
    void aSmallRunOfEveryBenchmarkWritesTheReport() throws Exception {
        BenchRun.run(new BenchRun.Options(
                new ImportBenchmark.Options(600, 100, 120, results),
                new ReplayBenchmark.Options(2_000, results, List.of(), false, false, false),
                new ReadsBenchmark.ReadsOptions(2_000, Duration.ofSeconds(1), 2, results),
                results, "bench/run (small)"));

        JsonNode report = new ObjectMapper().readTree(results.resolve("latest.json").toFile());
        for (String figure : new String[] {"/import/moviesPerSecond", "/import/baselineRowsPerSecond",
                "/import/importToBaseline", "/saturation/limitBusy", "/saturation/rateLimitedShare",
                "/saturation/catalogueHours", "/replay/replay/eventsPerSecond", "/replay/baseline/eventsPerSecond",
                "/memory/peakResidentBytesThroughImport", "/memory/peakResidentBytesThroughReplay"}) {
            assertThat(report.at(figure).isNumber()).as(figure).isTrue();
        }
        assertThat(report.at("/import/movies").asLong()).isEqualTo(600);
        assertThat(report.at("/import/warmupMovies").asLong()).isEqualTo(100);
        assertThat(report.at("/import/warmupMoviesPerSecond").isNumber()).isTrue();
        assertThat(report.at("/saturation/movies").asLong()).isEqualTo(120);
        assertThat(report.at("/memory/import/heapAfterCollectionBytes").size()).isEqualTo(4);
        assertThat(report.at("/reads/endpoints").size()).isEqualTo(3);
        assertThat(report.at("/reads/endpoints").findValues("errors")).allMatch(errors -> errors.asLong() == 0);
        assertThat(report.at("/machine/cores").asInt()).isPositive();
        assertThat(Files.readString(results.resolve("latest.md")))
                .contains("| measure | value | target | met |", "movies/s", "events/s", "p99", "429");
    }
}
