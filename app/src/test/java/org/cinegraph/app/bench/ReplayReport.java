package org.cinegraph.app.bench;

import static org.cinegraph.app.bench.ReportText.mebibytes;
import static org.cinegraph.app.bench.ReportText.number;
import static org.cinegraph.app.bench.ReportText.row;
import static org.cinegraph.app.bench.ReportText.seconds;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What one run of the replay benchmark measured, written as JSON for tools and as a Markdown table for people. */
record ReplayReport(
        String command,
        Instant measuredAt,
        Machine machine,
        Events events,
        Phase seeding,
        Phase catchUp,
        Replay replay,
        Phase baseline,
        ProcessCpu.Sample baselineCpu,
        double replayToBaseline,
        RecordCeiling.Result recordCeiling,
        DerivedRebuild derivedTables,
        Heap heap,
        PostgresProfile.Report postgres) {

    static final int TARGET_EVENTS_PER_SECOND = 20_000;

    /** @param loadAverage the system's load average over the minute before the rebuild: others' work competes */
    record Machine(int cores, long ramBytes, String cpu, String jdk, String os, String postgres, long maxHeapBytes,
                   double loadAverage) {
    }

    record Events(long total, Map<String, Long> byType, long payloadBytes, int years, long movies) {
    }

    /**
     * The command side's derived tables rebuilt from the same store, in bulk, as a node does when it finds them lost.
     *
     * @param events the events of the types the tables are made from, which the rebuild reads
     * @param tables every derived table rebuilt
     * @param rows   the rows of each table the seeded store fills (its years' imports: the festivals', lists' and
     *               schedule's tables stay empty)
     */
    record DerivedRebuild(long events, double seconds, double eventsPerSecond, List<String> tables,
                          Map<String, Long> rows) {
    }

    record Phase(long events, double seconds, double eventsPerSecond) {

        static Phase of(long events, long nanos) {
            double seconds = nanos / 1e9;
            return new Phase(events, seconds, events / seconds);
        }
    }

    /**
     * @param scope what was rebuilt: all projections, or the ones named
     * @param secondsByProjection when each projection's rebuild was seen finished, from the first request
     * @param jvmCpuSeconds CPU time the application's JVM used during the rebuild
     * @param postgresCpuSeconds CPU time PostgreSQL used during the rebuild; null where it cannot be read
     * @param jvmCpuByThread the JVM's CPU time by what its threads did; null where it cannot be read
     */
    record Replay(String scope, long events, double seconds, double eventsPerSecond, int targetEventsPerSecond,
                  boolean meetsTarget, Map<String, Double> secondsByProjection, double jvmCpuSeconds,
                  Double postgresCpuSeconds, JvmThreadCpu.Split jvmCpuByThread) {

        /**
         * Events per second of CPU, JVM and PostgreSQL together: unlike the wall-clock figure it hardly moves
         * when other work shares the machine; times the cores, it is what the replay would reach with the
         * machine to itself. Null where PostgreSQL's CPU time cannot be read.
         */
        @JsonProperty
        public Double eventsPerCpuSecond() {
            return postgresCpuSeconds == null ? null : events / (jvmCpuSeconds + postgresCpuSeconds);
        }
    }

    /**
     * @param peakUsedBytes the most the heap held during the rebuild, sampled at every poll of its progress
     * @param usedAfterRebuildBytes what it still held after a full collection once the rebuild finished
     */
    record Heap(long peakUsedBytes, long usedAfterRebuildBytes) {
    }

    void write(Path directory) throws IOException {
        Files.createDirectories(directory);
        new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .writerWithDefaultPrettyPrinter()
                .writeValue(directory.resolve("replay-latest.json").toFile(), this);
        Files.writeString(directory.resolve("replay-latest.md"), markdown());
    }

    String markdown() {
        StringBuilder table = new StringBuilder()
                .append("Replay benchmark, ").append(measuredAt).append(": `").append(command).append("`\n\n")
                .append("| measure | value |\n|---|---|\n");
        row(table, "events in store", number(events.total()));
        events.byType().forEach((type, count) -> row(table, "&nbsp;&nbsp;" + type, number(count)));
        row(table, "payload bytes", number(events.payloadBytes()) + " ("
                + number(events.payloadBytes() / events.total()) + " per event)");
        row(table, "years, movies", events.years() + ", " + number(events.movies()));
        row(table, "**replay of " + replay.scope() + " (admin API)**",
                "**" + rate(replay.eventsPerSecond()) + "** (" + seconds(replay.seconds()) + ", target "
                        + number(replay.targetEventsPerSecond()) + ": " + (replay.meetsTarget() ? "met" : "not met")
                        + ")");
        replay.secondsByProjection().forEach((name, finished) ->
                row(table, "&nbsp;&nbsp;" + name + " finished after", seconds(finished)));
        row(table, "baseline: JDBC read + Jackson parse", rate(baseline.eventsPerSecond()) + " ("
                + seconds(baseline.seconds()) + ", fetch size " + EventReadBaseline.FETCH_SIZE + ")");
        row(table, "CPU during baseline: JVM, PostgreSQL", seconds(baselineCpu.jvmSeconds()) + ", "
                + (baselineCpu.postgresSeconds() == null ? "unknown" : seconds(baselineCpu.postgresSeconds())));
        row(table, "replay / baseline", String.format(Locale.ROOT, "%.3f", replayToBaseline));
        row(table, "ceiling set by storing the TMDb records as " + recordCeiling.type(),
                rate(recordCeiling.eventsPerSecondCeiling())
                + String.format(Locale.ROOT, " (PostgreSQL alone: %,d records in %.1f s, %.0f µs each, on %d cores)",
                recordCeiling.records(), recordCeiling.seconds(), recordCeiling.microsPerRecord(), machine.cores()));
        row(table, "CPU during replay: JVM, PostgreSQL", seconds(replay.jvmCpuSeconds()) + ", "
                + (replay.postgresCpuSeconds() == null ? "unknown" : seconds(replay.postgresCpuSeconds())
                + " (" + number(Math.round(replay.eventsPerCpuSecond())) + " events per CPU second)"));
        JvmThreadCpu.Split threads = replay.jvmCpuByThread();
        if (threads != null) {
            row(table, "&nbsp;&nbsp;the JVM's by thread", "reading the events " + seconds(threads.readingEvents())
                    + ", loading the projections " + seconds(threads.loadingProjections()) + ", JIT compilers "
                    + seconds(threads.compiling()) + ", garbage collector " + seconds(threads.collectingGarbage())
                    + ", other " + seconds(threads.other()));
        }
        row(table, "rebuild of the command side's derived tables", rate(derivedTables.eventsPerSecond()) + " ("
                + number(derivedTables.events()) + " events of their types in " + seconds(derivedTables.seconds())
                + "; " + number(derivedTables.rows().values().stream().mapToLong(Long::longValue).sum())
                + " rows in " + derivedTables.tables().size() + " tables)");
        row(table, "first catch-up of all projections", rate(catchUp.eventsPerSecond()) + " ("
                + seconds(catchUp.seconds()) + ")");
        row(table, "seeding through the event store", rate(seeding.eventsPerSecond()) + " ("
                + seconds(seeding.seconds()) + ")");
        row(table, "heap: peak during replay, after it", mebibytes(heap.peakUsedBytes()) + ", "
                + mebibytes(heap.usedAfterRebuildBytes()) + " (max " + mebibytes(machine.maxHeapBytes()) + ")");
        row(table, "machine", machine.cores() + " cores, " + mebibytes(machine.ramBytes()) + " RAM, " + machine.cpu()
                + String.format(Locale.ROOT, "; load average %.2f before the rebuild", machine.loadAverage()));
        row(table, "software", machine.jdk() + "; " + machine.os() + "; " + machine.postgres());
        if (postgres != null) {
            table.append("\nWhat PostgreSQL did during the replay: ").append(String.format(Locale.ROOT,
                    "%,d checkpoints, %s of WAL, %,d full-page images.%n", postgres.checkpoints(),
                    mebibytes(postgres.walBytes()), postgres.fullPageImages()))
                    .append("\n| calls | total ms | mean ms | rows | statement |\n|---|---|---|---|---|\n");
            for (PostgresProfile.Statement statement : postgres.slowestStatements()) {
                table.append(String.format(Locale.ROOT, "| %,d | %,.0f | %.3f | %,d | `%s` |%n", statement.calls(),
                        statement.totalMillis(), statement.meanMillis(), statement.rows(),
                        statement.query().replace("|", "\\|")));
            }
            table.append("\n| table | inserted | updated | deleted | autovacuums | autoanalyzes |\n")
                    .append("|---|---|---|---|---|---|\n");
            for (PostgresProfile.TableWrites writes : postgres.tables()) {
                table.append(String.format(Locale.ROOT, "| %s | %,d | %,d | %,d | %d | %d |%n", writes.table(),
                        writes.inserted(), writes.updated(), writes.deleted(), writes.autovacuums(),
                        writes.autoanalyzes()));
            }
        }
        return table.toString();
    }

    private static String rate(double eventsPerSecond) {
        return number(Math.round(eventsPerSecond)) + " events/s";
    }
}
