package org.cinegraph.app.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Every benchmark of issue 8 in one run, for {@code bench/run}: import throughput beside a plain JDBC insert,
 * saturation of TMDb's rate limit, replay beside a plain read and parse, dashboard reads from a second process,
 * and the memory of it all. Writes {@code latest.json} and {@code latest.md} (a table of the headline figures,
 * each beside its target, and the details of each benchmark). Its name keeps it out of {@code mvn verify}.
 */
class BenchRun {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    record Options(ImportBenchmark.Options imports, ReplayBenchmark.Options replay, ReadsBenchmark.ReadsOptions reads,
                   Path results, String command) {

        /** As {@code bench/run} sets them; the replay runs over a million events unless told otherwise. */
        static Options fromSystemProperties() {
            ImportBenchmark.Options imports = ImportBenchmark.Options.fromSystemProperties();
            ReplayBenchmark.Options defaults = ReplayBenchmark.Options.fromSystemProperties();
            ReplayBenchmark.Options replay = new ReplayBenchmark.Options(Long.getLong("bench.events", 1_000_000),
                    defaults.results(), defaults.projections(), defaults.jfr(), defaults.pgProfile(),
                    defaults.keepData());
            ReadsBenchmark.ReadsOptions reads = ReadsBenchmark.ReadsOptions.fromSystemProperties();
            return new Options(imports, replay, reads, imports.results(), "bench/run " + imports.movies()
                    + " -Dbench.warmup-movies=" + imports.warmupMovies()
                    + " -Dbench.saturation-movies=" + imports.saturationMovies() + " -Dbench.events=" + replay.events()
                    + " -Dbench.reads.movies=" + reads.movies());
        }
    }

    @Test
    void everyBenchmark() throws Exception {
        run(Options.fromSystemProperties());
    }

    static ObjectNode run(Options options) throws Exception {
        Instant started = Instant.now();
        ObjectNode imports = ImportBenchmark.run(options.imports());
        long peakAfterImport = ImportBenchmark.Memory.peakResident();
        ReplayBenchmark.run(options.replay());
        JsonNode replay = JSON.readTree(options.replay().results().resolve("replay-latest.json").toFile());
        long peakAfterReplay = ImportBenchmark.Memory.peakResident();
        ReadsReport reads = ReadsBenchmark.run(options.reads());

        ObjectNode report = JSON.createObjectNode();
        report.put("command", options.command());
        report.put("startedAt", started.toString());
        report.put("minutes", Duration.between(started, Instant.now()).toSeconds() / 60.0);
        report.set("machine", imports.path("throughput").path("machine"));
        report.set("import", imports.path("throughput"));
        report.set("saturation", imports.path("saturation"));
        report.set("replay", replay);
        report.set("reads", reads.json());
        ObjectNode memory = report.putObject("memory");
        memory.put("peakResidentBytesThroughImport", peakAfterImport);
        memory.put("peakResidentBytesThroughReplay", peakAfterReplay);
        memory.set("import", imports.path("throughput").path("memory"));
        memory.set("replayHeap", replay.path("heap"));

        Files.createDirectories(options.results());
        JSON.writeValue(options.results().resolve("latest.json").toFile(), report);
        Files.writeString(options.results().resolve("latest.md"), markdown(report, reads));
        return report;
    }

    private static String markdown(JsonNode report, ReadsReport reads) {
        JsonNode imports = report.path("import");
        JsonNode saturation = report.path("saturation");
        JsonNode replay = report.path("replay");
        JsonNode machine = report.path("machine");
        StringBuilder md = new StringBuilder();
        md.append("`").append(report.path("command").asText()).append("` on ")
                .append(machine.path("cores").asInt()).append(" cores (").append(machine.path("cpu").asText())
                .append("), ").append(machine.path("ramBytes").asLong() >> 30).append(" GiB RAM, ")
                .append(machine.path("jdk").asText()).append(", ").append(machine.path("os").asText()).append(", ")
                .append(machine.path("postgres").asText()).append("; ").append(report.path("startedAt").asText())
                .append(", ").append(format("%.0f", report.path("minutes").asDouble())).append(" minutes.\n\n");
        md.append("| measure | value | target | met |\n|---|---|---|---|\n");
        double moviesPerSecond = imports.path("moviesPerSecond").asDouble();
        row(md, "import, end to end until every projection caught up (" + format("%,d", imports.path("movies").asLong())
                + " movies)", format("%,.0f movies/s", moviesPerSecond), "1,000 movies/s", moviesPerSecond >= 1_000);
        if (imports.path("warmupMovies").asLong() > 0) {
            row(md, "the same in a JVM just started: the warm-up before it (" + format("%,d",
                    imports.path("warmupMovies").asLong()) + " movies, not counted above)",
                    format("%,.0f movies/s", imports.path("warmupMoviesPerSecond").asDouble()), "", null);
        }
        row(md, "baseline: plain JDBC batch insert of the same TMDb records",
                format("%,.0f rows/s (import / baseline %.3f)", imports.path("baselineRowsPerSecond").asDouble(),
                        imports.path("importToBaseline").asDouble()), "", null);
        double busy = saturation.path("limitBusy").asDouble();
        row(md, "TMDb's limit kept busy (" + format("%,d", saturation.path("movies").asLong()) + " movies, "
                + format("%.1f", saturation.path("requestsPerSecond").asDouble()) + " requests/s of 40)",
                format("%.3f", busy), "0.95", busy >= 0.95);
        double limited = saturation.path("rateLimitedShare").asDouble();
        row(md, "requests answered 429", format("%.2f %%", 100 * limited), "1 %", limited <= 0.01);
        row(md, "the whole catalogue (" + format("%,d", saturation.path("catalogueMovies").asLong())
                + " movies) at that rate", format("%.1f hours", saturation.path("catalogueHours").asDouble()),
                "well under a day", saturation.path("catalogueHours").asDouble() < 24);
        double replayRate = replay.at("/replay/eventsPerSecond").asDouble();
        row(md, "replay of every projection (" + format("%,d", replay.at("/events/total").asLong()) + " events)",
                format("%,.0f events/s", replayRate), "20,000 events/s", replayRate >= 20_000);
        row(md, "baseline: plain JDBC read and Jackson parse of the same events",
                format("%,.0f events/s (replay / baseline %.3f)", replay.at("/baseline/eventsPerSecond").asDouble(),
                        replay.path("replayToBaseline").asDouble()), "", null);
        for (ReadsReport.Endpoint endpoint : reads.endpoints()) {
            row(md, "dashboard read `GET " + endpoint.path() + (endpoint.path().endsWith("=") ? "Y" : "") + "` with "
                            + format("%,d", reads.movies().inTable()) + " movies in the table",
                    format("p99 %.2f ms, p50 %.2f ms; %,.0f requests/s", endpoint.p99Ms(), endpoint.p50Ms(),
                            endpoint.requestsPerSecond()), "p99 20 ms", endpoint.meetsTarget());
        }
        JsonNode memory = report.path("memory");
        row(md, "peak resident memory of the JVM through the import, through the replay",
                format("%,d MiB, %,d MiB", memory.path("peakResidentBytesThroughImport").asLong() >> 20,
                        memory.path("peakResidentBytesThroughReplay").asLong() >> 20), "", null);
        JsonNode quarters = memory.path("import").path("heapAfterCollectionBytes");
        StringBuilder heap = new StringBuilder();
        quarters.fields().forEachRemaining(quarter -> heap.append(heap.isEmpty() ? "" : ", ")
                .append(quarter.getKey()).append(": ").append(quarter.getValue().asLong() >> 20).append(" MiB"));
        boolean grows = memory.path("import").path("grows").asBoolean();
        row(md, "heap kept after a full collection, at each quarter of the import", heap.toString(),
                "does not grow", !grows);
        md.append("\nEach benchmark's own report is beside this one: `import-latest.json`, `replay-latest.md`, "
                + "`reads-latest.md`.\n");
        return md.toString();
    }

    private static void row(StringBuilder md, String measure, String value, String target, Boolean met) {
        md.append("| ").append(measure).append(" | ").append(value).append(" | ").append(target).append(" | ")
                .append(met == null ? "" : met ? "yes" : "**no**").append(" |\n");
    }

    private static String format(String format, Object... values) {
        return String.format(Locale.ROOT, format, values);
    }
}
