package org.cinegraph.app.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Every benchmark in one run, for {@code bench/run}: import throughput beside a plain JDBC insert,
 * saturation of TMDb's rate limit, replay beside a plain read and parse, dashboard reads from a second process,
 * TMDb's daily ID export read against a catalogue, and the memory of it all, each benchmark in a JVM of its own ({@link PhaseJvm}). Writes {@code latest.json} and
 * {@code latest.md} (a table of the headline figures, each beside its target, and the details of each benchmark).
 * Its name keeps it out of {@code mvn verify}.
 */
class BenchRun {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    record Options(ImportBenchmark.Options imports, ReplayBenchmark.Options replay, ReadsBenchmark.ReadsOptions reads,
                   ExportBenchmark.Options export, Path results, String command) {

        /** As {@code bench/run} sets them; the replay runs over a million events unless told otherwise. */
        static Options fromSystemProperties() {
            ImportBenchmark.Options imports = ImportBenchmark.Options.fromSystemProperties();
            ReplayBenchmark.Options defaults = ReplayBenchmark.Options.fromSystemProperties();
            ReplayBenchmark.Options replay = new ReplayBenchmark.Options(Long.getLong("bench.events", 1_000_000),
                    defaults.results(), defaults.projections(), defaults.jfr(), defaults.pgProfile(),
                    defaults.keepData());
            ReadsBenchmark.ReadsOptions reads = ReadsBenchmark.ReadsOptions.fromSystemProperties();
            ExportBenchmark.Options export = ExportBenchmark.Options.fromSystemProperties();
            return new Options(imports, replay, reads, export, imports.results(), "bench/run " + imports.movies()
                    + " -Dbench.warmup-movies=" + imports.warmupMovies()
                    + " -Dbench.saturation-movies=" + imports.saturationMovies() + " -Dbench.events=" + replay.events()
                    + " -Dbench.reads.movies=" + reads.movies() + " -Dbench.export.lines=" + export.lines());
        }
    }

    @Test
    void everyBenchmark() throws Exception {
        run(Options.fromSystemProperties());
    }

    /**
     * @param report what {@code latest.json} holds
     * @param jvms the JVM of each benchmark, in the order they ran
     */
    record Run(ObjectNode report, List<PhaseJvm.Result> jvms) {
    }

    static Run run(Options options) throws Exception {
        Instant started = Instant.now();
        String commit = commit();
        // A JVM each, so that each benchmark's peak resident set is its own (PhaseJvm).
        PhaseJvm.Result throughput = PhaseJvm.run(PhaseJvm.Phase.IMPORT, options);
        PhaseJvm.Result saturation = PhaseJvm.run(PhaseJvm.Phase.SATURATION, options);
        ImportBenchmark.write(options.results(), throughput.figures(), saturation.figures());
        PhaseJvm.Result replay = PhaseJvm.run(PhaseJvm.Phase.REPLAY, options);
        PhaseJvm.Result reads = PhaseJvm.run(PhaseJvm.Phase.READS, options);
        PhaseJvm.Result export = PhaseJvm.run(PhaseJvm.Phase.EXPORT, options);

        // Small enough to read and to commit beside the README's table: the machine once, each benchmark's load
        // average in its place; PostgreSQL's profile of the replay and the reads' query plans stay in the
        // benchmarks' own reports beside this one.
        ObjectNode report = JSON.createObjectNode();
        report.put("command", options.command());
        report.put("startedAt", started.truncatedTo(ChronoUnit.SECONDS).toString());
        report.put("commit", commit);
        report.put("minutes", Duration.between(started, Instant.now()).toSeconds() / 60.0);
        ObjectNode machine = throughput.figures().path("machine").deepCopy();
        machine.remove("loadAverage");
        report.set("machine", machine);
        ObjectNode imports = withoutMachine(throughput.figures());
        JsonNode importHeap = imports.remove("memory");
        report.set("import", imports);
        report.set("saturation", withoutMachine(saturation.figures()));
        ObjectNode replayed = withoutMachine(replay.figures());
        replayed.remove("postgres");
        report.set("replay", replayed);
        ObjectNode read = withoutMachine(reads.figures());
        for (JsonNode plan : read.path("moviesOfAYear")) {
            ((ObjectNode) plan).remove("plan");
        }
        report.set("reads", read);
        ObjectNode exported = withoutMachine(export.figures());
        JsonNode exportHeap = exported.remove("memory");
        report.set("export", exported);
        ObjectNode memory = report.putObject("memory");
        ObjectNode peaks = memory.putObject("peakResidentBytes");
        peaks.put("import", throughput.peakResidentBytes());
        peaks.put("saturation", saturation.peakResidentBytes());
        peaks.put("replay", replay.peakResidentBytes());
        peaks.put("reads", reads.peakResidentBytes());
        peaks.put("export", export.peakResidentBytes());
        memory.set("import", importHeap);
        memory.set("replayHeap", replayed.path("heap"));
        memory.set("export", exportHeap);

        Files.createDirectories(options.results());
        JSON.writeValue(options.results().resolve("latest.json").toFile(), report);
        Files.writeString(options.results().resolve("latest.md"), markdown(report));
        return new Run(report, List.of(throughput, saturation, replay, reads, export));
    }

    /**
     * The commit the run was built from, abbreviated, with {@code -dirty} when the tree had changes not committed
     * outside {@code bench/results} (whose tracked files the run itself rewrites); empty where git cannot say (no
     * git, not a clone).
     */
    static String commit() {
        return commit(Path.of(".."));
    }

    /** {@link #commit()} of the work tree at {@code tree}. */
    static String commit(Path tree) {
        String head = git(tree, "rev-parse", "--short=7", "HEAD");
        String changes = git(tree, "status", "--porcelain", "--", ".", ":(exclude)bench/results");
        if (head == null || head.isEmpty() || !head.matches("[0-9a-f]+") || changes == null) {
            return "";
        }
        return changes.isEmpty() ? head : head + "-dirty";
    }

    /** What git printed, trimmed; null when it failed. */
    private static String git(Path tree, String... arguments) {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(arguments));
        try {
            Process git = new ProcessBuilder(command).directory(tree.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(git.getInputStream().readAllBytes()).trim();
            return git.waitFor() == 0 ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** A benchmark's figures with the machine it ran on left out but for its load average at the time. */
    private static ObjectNode withoutMachine(JsonNode figures) {
        ObjectNode copy = figures.deepCopy();
        JsonNode machine = copy.remove("machine");
        if (machine != null && machine.has("loadAverage")) {
            copy.set("loadAverage", machine.get("loadAverage"));
        }
        return copy;
    }

    private static String markdown(JsonNode report) {
        JsonNode imports = report.path("import");
        JsonNode saturation = report.path("saturation");
        JsonNode replay = report.path("replay");
        JsonNode reads = report.path("reads");
        JsonNode machine = report.path("machine");
        StringBuilder md = new StringBuilder();
        md.append("`").append(report.path("command").asText()).append("` on ")
                .append(machine.path("cores").asInt()).append(" cores (").append(machine.path("cpu").asText())
                .append("), ").append(machine.path("ramBytes").asLong() >> 30).append(" GiB RAM, ")
                .append(machine.path("jdk").asText()).append(", ").append(machine.path("os").asText()).append(", ")
                .append(machine.path("postgres").asText()).append("; ").append(report.path("startedAt").asText())
                .append(", ").append(format("%.0f", report.path("minutes").asDouble())).append(" minutes")
                .append(report.path("commit").asText().isEmpty() ? "" : ", on `" + report.path("commit").asText() + "`")
                .append(".\n\n");
        md.append("| measure | value | target | met |\n|---|---|---|---|\n");
        double moviesPerSecond = imports.path("moviesPerSecond").asDouble();
        row(md, "import, end to end until every projection caught up: movies recorded (imported, skipped or "
                        + "failed; " + format("%,d", imports.path("movies").asLong()) + " movies)",
                format("%,.0f movies/s", moviesPerSecond), "1,000 movies/s", moviesPerSecond >= 1_000);
        if (imports.path("warmupMovies").asLong() > 0) {
            row(md, "the same in a JVM just started: the warm-up before it (" + format("%,d",
                    imports.path("warmupMovies").asLong()) + " movies, not counted above)",
                    format("%,.0f movies/s", imports.path("warmupMoviesPerSecond").asDouble()), "", null);
        }
        row(md, "the same import, counting only the movies imported (" + format("%,d", imports.path("imported")
                        .asLong()) + " of the " + format("%,d", imports.path("movies").asLong()) + ")",
                format("%,.0f movies/s", imports.path("importedPerSecond").asDouble()), "", null);
        row(md, "baseline: plain JDBC batch insert of those imported movies' TMDb records ("
                        + format("%,d", imports.path("baselineRows").asLong()) + " rows)",
                format("%,.0f rows/s (imported / baseline %.3f)", imports.path("baselineRowsPerSecond").asDouble(),
                        imports.path("importedToBaseline").asDouble()), "", null);
        double catchUp = imports.path("catchUpSeconds").asDouble();
        row(md, "the projections' processors caught up after the import's last event was stored",
                format("%.1f s", catchUp), "60 s", catchUp <= 60);
        double busy = saturation.path("limitBusy").asDouble();
        row(md, "TMDb's limit kept busy (" + format("%,d", saturation.path("movies").asLong()) + " movies, "
                + format("%.1f", saturation.path("requestsPerSecond").asDouble()) + " requests/s of 40)",
                format("%.3f", busy), "0.95", busy >= 0.95);
        double limited = saturation.path("rateLimitedShare").asDouble();
        row(md, "requests answered 429", format("%.2f %%", 100 * limited), "1 %", limited <= 0.01);
        long burstLimited = saturation.path("burstRateLimited").asLong();
        row(md, "the sandbox's limit on: a burst of " + format("%,d", saturation.path("burstRequests").asLong())
                        + " requests after the import, at " + format("%,.0f", saturation.path("burstRequestsPerSecond")
                        .asDouble()) + " requests/s",
                format("%,d answered 429", burstLimited), "some 429s", burstLimited > 0);
        row(md, "the whole catalogue (" + format("%,d", saturation.path("catalogueMovies").asLong())
                + " movies) at that rate", format("%.1f hours", saturation.path("catalogueHours").asDouble()),
                "well under a day", saturation.path("catalogueHours").asDouble() < 24);
        double replayRate = replay.at("/replay/eventsPerSecond").asDouble();
        double replayToBaseline = replay.path("replayToBaseline").asDouble();
        row(md, "replay of every projection (" + format("%,d", replay.at("/events/total").asLong()) + " events)",
                format("%,.0f events/s (%.3f of the baseline below)", replayRate, replayToBaseline),
                "20,000 events/s, or 0.8 of the baseline", replayRate >= 20_000 || replayToBaseline >= 0.8);
        row(md, "baseline: plain JDBC read and Jackson parse of the same events",
                format("%,.0f events/s (replay / baseline %.3f)", replay.at("/baseline/eventsPerSecond").asDouble(),
                        replay.path("replayToBaseline").asDouble()), "", null);
        JsonNode derived = replay.path("derivedTables");
        double derivedSecondsPerMillion = derived.path("seconds").asDouble() * 1_000_000
                / replay.at("/events/total").asDouble();
        row(md, "rebuild of the command side's derived tables from the same store ("
                        + format("%,d", derived.path("events").asLong()) + " events of their types read)",
                format("%.1f s, %,.0f events/s (%.0f s per million stored events)", derived.path("seconds").asDouble(),
                        derived.path("eventsPerSecond").asDouble(), derivedSecondsPerMillion),
                "minutes for a million events (5 at most)", derivedSecondsPerMillion <= 300);
        for (JsonNode endpoint : reads.path("endpoints")) {
            String path = endpoint.path("path").asText();
            row(md, "dashboard read `GET " + path + (path.endsWith("=") ? "Y" : "") + "` with "
                            + format("%,d", reads.at("/movies/inTable").asLong()) + " movies in the table",
                    format("p99 %.2f ms, p50 %.2f ms; %,.0f requests/s", endpoint.path("p99Ms").asDouble(),
                            endpoint.path("p50Ms").asDouble(), endpoint.path("requestsPerSecond").asDouble()),
                    "p99 10 ms", endpoint.path("meetsTarget").asBoolean());
        }
        JsonNode export = report.path("export");
        double linesPerSecond = export.at("/read/linesPerSecond").asDouble();
        row(md, "TMDb's daily ID export read (" + format("%,d", export.at("/read/lines").asLong()) + " lines, gzip "
                        + "over HTTP on loopback) and the ids missing from a catalogue of " + format("%,d",
                        export.at("/catalogue/movies").asLong()) + " found (" + format("%,d",
                        export.at("/found/missing").asLong()) + ")",
                format("%,.0f lines/s (%.1f s; %.1f s with the catalogue's ids read and the missing and removed "
                        + "found)", linesPerSecond, export.at("/read/seconds").asDouble(),
                        export.at("/found/allSeconds").asDouble()), "200,000 lines/s",
                linesPerSecond >= ExportBenchmark.TARGET_LINES_PER_SECOND);
        JsonNode memory = report.path("memory");
        JsonNode peaks = memory.path("peakResidentBytes");
        StringBuilder resident = new StringBuilder();
        peaks.fields().forEachRemaining(peak -> resident.append(resident.isEmpty() ? "" : ", ")
                .append(peak.getKey()).append(" ").append(peak.getValue().isNumber()
                        ? format("%,d MiB", peak.getValue().asLong() >> 20) : "unknown"));
        row(md, "peak resident memory of each benchmark, a JVM each (the application with the TMDb sandbox it "
                + "serves itself from, and the benchmark's client; not PostgreSQL, nor the reads' load generator)",
                resident.toString(), "", null);
        JsonNode quarters = memory.path("import").path("heapAfterCollectionBytes");
        StringBuilder heap = new StringBuilder();
        quarters.fields().forEachRemaining(quarter -> heap.append(heap.isEmpty() ? "" : ", ")
                .append(quarter.getKey()).append(": ").append(quarter.getValue().asLong() >> 20).append(" MiB"));
        boolean grows = memory.path("import").path("grows").asBoolean();
        row(md, "heap kept after a full collection, at each quarter of the import", heap.toString(),
                "does not grow", !grows);
        JsonNode exportHeap = memory.path("export");
        row(md, "heap kept after a full collection through a read of the export, before it and at each quarter "
                        + "(its bit sets: " + format("%,d KiB", exportHeap.path("bitSetBytes").asLong() >> 10) + ")",
                ExportBenchmark.heapAfterCollection(memory.path("export")), "does not grow",
                !exportHeap.path("grows").asBoolean());
        md.append("\nEach benchmark's own report is beside this one: `import-latest.json`, `replay-latest.md`, "
                + "`reads-latest.md`, `export-latest.md`.\n");
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
