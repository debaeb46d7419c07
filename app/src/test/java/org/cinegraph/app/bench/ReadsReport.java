package org.cinegraph.app.bench;

import static org.cinegraph.app.bench.ReportText.mebibytes;
import static org.cinegraph.app.bench.ReportText.number;
import static org.cinegraph.app.bench.ReportText.row;
import static org.cinegraph.app.bench.ReportText.seconds;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What one run of the dashboard-reads benchmark measured: as JSON for tools ({@link #json()}, the {@code reads}
 * part of bench/results/latest.json) and as rows of a Markdown {@code | measure | value |} table for people
 * ({@link #markdown()}, without the table's header, so that they fit in a table with other benchmarks' rows).
 */
record ReadsReport(
        String command,
        Instant measuredAt,
        double targetP99Ms,
        ReplayReport.Machine machine,
        Movies movies,
        Load load,
        List<Endpoint> endpoints,
        Cpu cpu,
        List<Plan> moviesOfAYear) {

    /** Issue 23's target (DESIGN.md's is 20 ms): reads that never queue. */
    static final double TARGET_P99_MS = 10;

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /**
     * @param inTable the rows of {@code movies} when the load ran
     * @param newestYear the years filled are {@code years} years down from this one
     * @param fillSeconds how long the direct SQL fill took, VACUUM (ANALYZE) included
     * @param meanRecordBytes a {@code tmdb_data} record as JSON text, on average
     * @param meanStoredRecordBytes the same as PostgreSQL stores it (compressed before V35, whole since)
     * @param tableBytes {@code movies} with its TOAST table and indexes
     */
    record Movies(long requested, long inTable, int years, int newestYear, long perYear, long tmdbTotal,
                  double fillSeconds, long meanRecordBytes, long meanStoredRecordBytes, long tableBytes) {
    }

    record Load(String generator, int connections, double warmUpSeconds, double secondsPerEndpoint) {
    }

    /**
     * One endpoint under load, as the load generator measured it.
     *
     * @param requests the requests started in the measured time (the warm-up's are not counted)
     * @param errors the measured requests not answered 200, or not answered at all
     * @param warmUpRequests the requests of the warm-up before
     * @param warmUpErrors the errors among them
     * @param firstError what the first error was, null without one
     */
    record Endpoint(String path, long requests, long errors, long warmUpRequests, long warmUpErrors,
                    double requestsPerSecond,
                    double p50Ms, double p90Ms, double p99Ms, double maxMs, long meanResponseBytes,
                    String firstError) {

        /** An endpoint that answered nothing in the measured time has no p99 to meet the target with. */
        @JsonProperty
        public boolean meetsTarget() {
            return requests > 0 && p99Ms <= TARGET_P99_MS;
        }
    }

    /**
     * CPU time used during the whole load (every endpoint, warm-ups included): the application's JVM, PostgreSQL
     * (null where it cannot be read) and the load generator's JVM. On a machine with few cores they share them.
     * Per request, over every request of the load, it hardly depends on what else runs on the machine.
     */
    record Cpu(double appJvmSeconds, Double postgresSeconds, double loadGeneratorSeconds, double wallSeconds,
               long requests) {

        @JsonProperty
        public double appJvmMsPerRequest() {
            return requests == 0 ? 0 : appJvmSeconds * 1e3 / requests;
        }

        @JsonProperty
        public Double postgresMsPerRequest() {
            return postgresSeconds == null || requests == 0 ? null : postgresSeconds * 1e3 / requests;
        }
    }

    /**
     * How PostgreSQL answers the two statements of {@code GET /api/movies?year=Y} (the count of the year, and
     * its first page by popularity), from {@code EXPLAIN (ANALYZE, BUFFERS)} once the cache is warm.
     */
    record Plan(String name, String statement, double executionMs, List<String> plan) {

        /** The plan's nodes, outermost first, with how their sorts sorted and how often they read the table. */
        String outline() {
            return plan.stream().map(String::strip)
                    .filter(line -> plan.get(0).strip().equals(line) || line.startsWith("->")
                            || line.startsWith("Sort Method") || line.startsWith("Heap Fetches"))
                    .map(line -> line.replaceFirst("^-> *", "").replaceFirst(" +\\(cost=.*", ""))
                    .collect(Collectors.joining(" / "));
        }
    }

    ObjectNode json() {
        return JSON.valueToTree(this);
    }

    void write(Path directory) throws IOException {
        Files.createDirectories(directory);
        JSON.writerWithDefaultPrettyPrinter().writeValue(directory.resolve("reads-latest.json").toFile(), json());
        Files.writeString(directory.resolve("reads-latest.md"), "Dashboard reads benchmark, " + measuredAt + ": `"
                + command + "`\n\n| measure | value |\n|---|---|\n" + markdown());
    }

    String markdown() {
        StringBuilder table = new StringBuilder();
        row(table, "dashboard reads: movies in the table", number(movies.inTable()) + " over " + movies.years()
                + " years (" + (movies.newestYear() - movies.years() + 1) + " to " + movies.newestYear() + ", "
                + number(movies.perYear()) + " a year); tmdb_data " + number(movies.meanRecordBytes())
                + " bytes of JSON on average, " + number(movies.meanStoredRecordBytes()) + " stored; the table with "
                + "its indexes " + mebibytes(movies.tableBytes()));
        row(table, "dashboard reads: read models filled by SQL (no events)", seconds(movies.fillSeconds())
                + String.format(Locale.ROOT, " (%,.0f movies/s, VACUUM (ANALYZE) included)",
                movies.inTable() / movies.fillSeconds()));
        for (Endpoint endpoint : endpoints) {
            row(table, "**GET " + endpoint.path() + (endpoint.path().endsWith("=") ? "Y" : "") + "**",
                    String.format(Locale.ROOT, "**p99 %s ms** (target %s ms: %s); p50 %s, p90 %s, max %s ms; "
                                    + "%,.0f requests/s (%,d in %s, %,d errors, %,d bytes an answer)",
                            ms(endpoint.p99Ms()), ms(targetP99Ms), endpoint.meetsTarget() ? "met" : "not met",
                            ms(endpoint.p50Ms()), ms(endpoint.p90Ms()), ms(endpoint.maxMs()),
                            endpoint.requestsPerSecond(), endpoint.requests(), seconds(load.secondsPerEndpoint()),
                            endpoint.errors(), endpoint.meanResponseBytes()));
        }
        row(table, "dashboard reads: load", load.connections() + " connections from a second JVM ("
                + load.generator() + "), every endpoint first loaded for " + seconds(load.warmUpSeconds())
                + " of warm-up, then each again for as long and measured for " + seconds(load.secondsPerEndpoint())
                + ", one endpoint at a time; Y takes each of the "
                + movies.years() + " years in turn");
        row(table, "dashboard reads: CPU during the load", "application JVM " + seconds(cpu.appJvmSeconds())
                + ", PostgreSQL " + (cpu.postgresSeconds() == null ? "unknown" : seconds(cpu.postgresSeconds()))
                + ", load generator " + seconds(cpu.loadGeneratorSeconds()) + ", in " + seconds(cpu.wallSeconds())
                + " on " + machine.cores() + " cores; per request (" + number(cpu.requests()) + ", warm-ups "
                + "included) " + ms(cpu.appJvmMsPerRequest()) + " ms in the application, "
                + (cpu.postgresMsPerRequest() == null ? "unknown" : ms(cpu.postgresMsPerRequest()) + " ms")
                + " in PostgreSQL");
        for (Plan plan : moviesOfAYear) {
            row(table, "dashboard reads: PostgreSQL alone, " + plan.name(), ms(plan.executionMs())
                    + " ms: " + plan.outline());
        }
        row(table, "dashboard reads: machine", machine.cores() + " cores, " + mebibytes(machine.ramBytes()) + " RAM, "
                + machine.cpu() + String.format(Locale.ROOT, "; load average %.2f before the load",
                machine.loadAverage()));
        row(table, "dashboard reads: software", machine.jdk() + "; " + machine.os() + "; " + machine.postgres());
        row(table, "dashboard reads: command", "`" + command + "`");
        return table.toString();
    }

    private static String ms(double millis) {
        return String.format(Locale.ROOT, millis < 10 ? "%.2f" : "%.1f", millis);
    }
}
