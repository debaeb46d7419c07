package org.cinegraph.app.bench;

import static org.assertj.core.data.Percentage.withPercentage;

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
 * Keeps {@code bench/run} working: a small run of every benchmark must complete and write the combined report,
 * every figure of it a finite number above zero (but the counts of what need not happen, as errors); the import's
 * ratio divides like by like; the saturation run's sandbox draws 429s when pushed past its limit; the export's read
 * found ids missing and removed (the benchmark itself checks their counts against what it generated); and each
 * benchmark ran in a JVM of its own, so that its peak resident set is its own. Timings are never asserted; they
 * depend on the machine and on what else runs on it.
 */
class BenchRunTest {

    private static final long EXPORT_LINES = 20_000;

    @TempDir
    Path results;

    @Test
    void aSmallRunOfEveryBenchmarkWritesTheReport() throws Exception {
        BenchRun.Run run = BenchRun.run(new BenchRun.Options(
                new ImportBenchmark.Options(600, 100, 120, results),
                new ReplayBenchmark.Options(2_000, results, List.of(), false, false, false),
                new ReadsBenchmark.ReadsOptions(2_000, Duration.ofSeconds(2), 2, results),
                new ExportBenchmark.Options(EXPORT_LINES, results),
                results, "bench/run (small)"));

        JsonNode report = new ObjectMapper().readTree(results.resolve("latest.json").toFile());
        SoftAssertions softly = new SoftAssertions();
        ReportFigures.assertFigures(softly, report,
                "/(import|saturation|replay|reads|export)/loadAverage",
                "/saturation/(failed|rateLimited|rateLimitedShare)",
                "/reads/endpoints/\\d+/(errors|warmUpErrors)", "/reads/moviesOfAYear/\\d+/executionMs",
                // CPU time is counted in ticks of 10 ms: PostgreSQL's share of a two-second load can round to none.
                "/reads/cpu/postgres(Seconds|MsPerRequest)");
        List<String> figures = new ArrayList<>(List.of("/import/moviesPerSecond", "/import/importedPerSecond",
                "/import/baselineRowsPerSecond", "/import/importedToBaseline", "/import/warmupMoviesPerSecond",
                "/saturation/limitBusy", "/saturation/rateLimitedShare", "/saturation/catalogueHours",
                "/saturation/burstRateLimited", "/replay/replay/eventsPerSecond", "/replay/baseline/eventsPerSecond",
                "/replay/replayToBaseline", "/memory/import/peakHeapUsedBytes", "/memory/replayHeap/peakUsedBytes",
                "/export/read/linesPerSecond", "/export/catalogue/readSeconds", "/export/found/allSeconds",
                "/memory/export/bitSetBytes", "/memory/export/peakHeapUsedBytes"));
        if (ReportFigures.LINUX) {
            figures.addAll(List.of("/memory/peakResidentBytes/import", "/memory/peakResidentBytes/saturation",
                    "/memory/peakResidentBytes/replay", "/memory/peakResidentBytes/reads",
                    "/memory/peakResidentBytes/export",
                    "/replay/replay/postgresCpuSeconds"));
        }
        ReportFigures.assertPresent(softly, report, figures.toArray(String[]::new));

        softly.assertThat(report.at("/import/movies").asLong()).isEqualTo(600);
        // Imported beside imported: the baseline inserted exactly the imported movies' records, and the ratio
        // divides two rates of those rows. (Some of the catalogue is skipped, so more movies were recorded.)
        softly.assertThat(report.at("/import/baselineRows").asLong()).as("baseline rows")
                .isEqualTo(report.at("/import/imported").asLong())
                .isLessThan(report.at("/import/movies").asLong());
        softly.assertThat(report.at("/import/importedToBaseline").asDouble()).as("the import's ratio")
                .isCloseTo(report.at("/import/imported").asDouble() / report.at("/import/seconds").asDouble()
                        / report.at("/import/baselineRowsPerSecond").asDouble(), withPercentage(0.001));
        softly.assertThat(report.at("/import/catchUpSeconds").isNumber()).as("the catch-up after the import").isTrue();
        softly.assertThat(report.at("/import/catchUpSeconds").asDouble()).isNotNegative();
        softly.assertThat(report.at("/import/warmupMovies").asLong()).isEqualTo(100);
        softly.assertThat(report.at("/saturation/movies").asLong()).isEqualTo(120);
        // The sandbox answers 429 beyond 40 requests a second: a burst of five times that draws some.
        softly.assertThat(report.at("/saturation/burstRequests").asLong()).isEqualTo(ImportBenchmark.BURST);
        softly.assertThat(report.at("/saturation/burstRateLimited").asLong()).as("the burst's 429s")
                .isPositive().isLessThan(ImportBenchmark.BURST);
        // Each benchmark in a JVM of its own, none of them this one: a peak resident set of one is not the
        // high-water mark of those before it.
        softly.assertThat(run.jvms()).extracting(PhaseJvm.Result::pid).as("the benchmarks' JVMs")
                .doesNotHaveDuplicates().doesNotContain(ProcessHandle.current().pid()).hasSize(5);
        softly.assertThat(report.at("/memory/import/heapAfterCollectionBytes").size()).isEqualTo(4);
        softly.assertThat(report.at("/reads/endpoints").size()).isEqualTo(3);
        softly.assertThat(report.at("/export/read/lines").asLong()).isEqualTo(EXPORT_LINES);
        softly.assertThat(report.at("/export/catalogue/movies").asLong()).isEqualTo(Math.round(EXPORT_LINES / 1.1));
        softly.assertThat(report.at("/export/found/missing").asLong()).as("missing ids").isPositive();
        softly.assertThat(report.at("/export/found/removals").asLong()).as("removals").isPositive();
        softly.assertThat(report.at("/memory/export/heapAfterCollectionBytes").size()).isEqualTo(5);
        softly.assertThat(report.at("/reads/endpoints").findValues("errors")).allMatch(errors -> errors.asLong() == 0);
        softly.assertThat(report.at("/machine/cores").asInt()).isPositive();
        softly.assertThat(Files.readString(results.resolve("latest.md"))).contains("| measure | value | target | met |",
                "movies recorded", "counting only the movies imported", "imported / baseline", "events/s", "p99",
                "answered 429", "a JVM each", "lines/s");
        softly.assertThat(results.resolve("import-latest.json")).exists();
        // The commit the run was built from, as git describes it, where the tree is a clone (it is, for bench/run).
        String commit = report.path("commit").asText();
        softly.assertThat(commit).matches("([0-9a-zA-Z._/-]+)?");
        if (!commit.isEmpty()) {
            softly.assertThat(Files.readString(results.resolve("latest.md"))).contains(", on `" + commit + "`.");
        }
        softly.assertAll();
    }
}
