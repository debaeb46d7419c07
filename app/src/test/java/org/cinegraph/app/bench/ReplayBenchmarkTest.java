package org.cinegraph.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps {@code bench/replay} working: a small run must complete and write its report, every figure of it a finite
 * number above zero. Timings are never asserted; they depend on the machine and on what else runs on it.
 */
class ReplayBenchmarkTest {

    private static final long EVENTS = 3_000;

    @TempDir
    Path results;

    @Test
    void aSmallRunWritesTheReport() throws Exception {
        ReplayBenchmark.run(new ReplayBenchmark.Options(EVENTS, results, List.of(), false, false, false));

        JsonNode report = new ObjectMapper().readTree(results.resolve("replay-latest.json").toFile());
        assertThat(report.at("/events/total").asLong()).isBetween(EVENTS - 20, EVENTS);
        assertThat(report.at("/events/byType").fieldNames()).toIterable().contains("YearImportStarted",
                "TmdbTotalUpdated", "YearImportPlanned", "PageDiscovered", "MovieImported", "MovieSkipped",
                "MovieImportFailed", "YearImportCompleted");
        SoftAssertions.assertSoftly(softly -> {
            // CPU is counted in Linux's ticks of 10 ms: a share of a replay of 3,000 events may round to none.
            ReportFigures.assertFigures(softly, report, "/machine/loadAverage", "/replay/jvmCpuByThread/.*",
                    "/baselineCpu/postgresSeconds");
            ReportFigures.assertPresent(softly, report, "/events/payloadBytes", "/replay/eventsPerSecond",
                    "/baseline/eventsPerSecond", "/replayToBaseline", "/catchUp/eventsPerSecond",
                    "/seeding/eventsPerSecond", "/replay/jvmCpuSeconds", "/recordCeiling/eventsPerSecondCeiling",
                    "/heap/peakUsedBytes", "/heap/usedAfterRebuildBytes", "/baselineCpu/jvmSeconds");
            if (ReportFigures.LINUX) {
                ReportFigures.assertPresent(softly, report, "/replay/postgresCpuSeconds", "/replay/eventsPerCpuSecond",
                        "/baselineCpu/postgresSeconds", "/replay/jvmCpuByThread/readingEvents",
                        "/replay/jvmCpuByThread/loadingProjections");
                // The bulk load's threads are found by BulkReplay's names: renamed there, their time would be "other".
                softly.assertThat(report.at("/replay/jvmCpuByThread/readingEvents").asDouble()).as("the reader's CPU")
                        .isPositive();
                softly.assertThat(report.at("/replay/jvmCpuByThread/loadingProjections").asDouble())
                        .as("the loaders' CPU").isPositive();
            }
        });
        assertThat(report.at("/replay/secondsByProjection").size()).as("every projection").isEqualTo(8);
        assertThat(report.at("/machine/cores").asInt()).isPositive();
        assertThat(report.at("/machine/jdk").asText()).isNotBlank();
        assertThat(Files.readString(results.resolve("replay-latest.md")))
                .contains("events/s", "replay / baseline", "MovieImported");
    }
}
