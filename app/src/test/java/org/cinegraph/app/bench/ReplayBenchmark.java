package org.cinegraph.app.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.cinegraph.app.bench.ReplayReport.Heap;
import org.cinegraph.app.bench.ReplayReport.Phase;
import org.cinegraph.app.bench.ReplayReport.Replay;
import org.cinegraph.command.tables.DerivedTables;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How fast every projection rebuilds from the event store: seeds events shaped like real year
 * imports, lets the projections build once, then rebuilds all of them through the admin API and reports
 * events per second beside a plain JDBC read and Jackson parse of the same rows. A benchmark, not a test:
 * its name keeps it out of {@code mvn verify}; {@code bench/replay [events]} runs it. Its system properties
 * are those of {@link Options#fromSystemProperties()}.
 */
class ReplayBenchmark {

    private static final Logger log = LoggerFactory.getLogger(ReplayBenchmark.class);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);
    /** The benchmark counts the events it wrote: the daily import, on by default, would record its start. */
    private static final List<String> NO_SCHEDULE = List.of("--cinegraph.schedule.enabled=false");

    /**
     * @param events how many events to seed, about ({@code bench.events}, default 200,000)
     * @param results where the report goes ({@code bench.results}, default the repository's bench/results)
     * @param projections the projections to rebuild, all when empty ({@code bench.projections}, comma-separated)
     * @param jfr whether to record the rebuild with Java Flight Recorder into the results ({@code bench.jfr})
     * @param pgProfile whether to report what PostgreSQL did during the rebuild: its slowest statements, rows
     *     written, autovacuum, checkpoints, WAL ({@code bench.pg-profile}; restarts the application once to load
     *     pg_stat_statements)
     * @param keepData whether to keep the database under target/bench-data for a closer look ({@code bench.keep-data})
     */
    record Options(long events, Path results, List<String> projections, boolean jfr, boolean pgProfile,
                   boolean keepData) {

        static Options fromSystemProperties() {
            String projections = System.getProperty("bench.projections", "");
            return new Options(Long.getLong("bench.events", 200_000),
                    Path.of(System.getProperty("bench.results", "../bench/results")),
                    Arrays.stream(projections.split(",")).map(String::trim).filter(name -> !name.isEmpty()).toList(),
                    Boolean.getBoolean("bench.jfr"), Boolean.getBoolean("bench.pg-profile"),
                    Boolean.getBoolean("bench.keep-data"));
        }

        String command() {
            return "bench/replay " + events + (projections.isEmpty() ? "" : " -Dbench.projections="
                    + String.join(",", projections));
        }
    }

    @Test
    void replayEveryProjection() throws Exception {
        run(Options.fromSystemProperties());
    }

    /** Writes the report to {@code options.results()}, logs it and returns it. */
    static ReplayReport run(Options options) throws Exception {
        ReplayReport report;
        try (BenchDataDir dataDir = BenchDataDir.create(options.keepData())) {
            if (options.pgProfile()) {
                try (BenchmarkApp first = BenchmarkApp.start(dataDir.path(), NO_SCHEDULE)) {
                    PostgresProfile.loadAtNextStart(jdbc(first));
                }
            }
            try (BenchmarkApp app = BenchmarkApp.start(dataDir.path(), NO_SCHEDULE)) {
                report = measure(app, options, new Progress(options.results().resolve("replay-progress.log")));
            }
        }
        report.write(options.results());
        log.info("Replay benchmark done; report in {}\n{}", options.results().toAbsolutePath().normalize(),
                report.markdown());
        return report;
    }

    private static ReplayReport measure(BenchmarkApp app, Options options, Progress progress) throws Exception {
        JdbcClient jdbc = jdbc(app);
        List<EventProcessor> processors = List.copyOf(
                app.context().getBean(EventProcessingConfiguration.class).eventProcessors().values());

        // The projections are stopped while the store fills, so seeding and their first build do not compete
        // for the cores and each can be timed; the year-import runner is stopped so no import starts.
        processors.forEach(EventProcessor::shutDown);
        Map<Integer, Integer> years = YearImportSeeder.plan(options.events());
        progress.say("Seeding about %,d events: %d years of imports", options.events(), years.size());
        long start = System.nanoTime();
        long movies = new YearImportSeeder(app.context().getBean(EventStore.class),
                new TransactionTemplate(app.context().getBean(PlatformTransactionManager.class))).seed(years);
        long events = jdbc.sql("SELECT count(*) FROM domain_event_entry").query(Long.class).single();
        Phase seeding = Phase.of(events, System.nanoTime() - start);
        progress.say("Seeded %,d events in %.1f s", events, seeding.seconds());

        start = System.nanoTime();
        processors.forEach(EventProcessor::start);
        awaitCaughtUp(app, progress);
        Phase catchUp = Phase.of(events, System.nanoTime() - start);
        progress.say("Projections built for the first time in %.1f s", catchUp.seconds());

        ReplayReport.Events stored = storedEvents(jdbc, years.size(), movies);
        ProcessCpu cpu = new ProcessCpu(app.dataDir().resolve("postgres"));
        ProcessCpu.Sample cpuBefore = cpu.sample();
        EventReadBaseline.Result read = new EventReadBaseline(app.context().getBean(DataSource.class)).run();
        ProcessCpu.Sample baselineCpu = cpu.sample().since(cpuBefore);
        Phase baseline = Phase.of(read.events(), read.nanos());
        progress.say("Baseline read and parsed %,d events in %.1f s", read.events(), baseline.seconds());

        if (options.pgProfile()) {
            PostgresProfile.reset(jdbc);
        }
        double loadAverage = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        RebuildMeasurement rebuild = rebuild(app, options, progress);
        if (options.projections().isEmpty()) {
            requireRebuiltAnswers(app, stored);
        }

        RecordCeiling.Result ceiling = RecordCeiling.measure(jdbc, events, Runtime.getRuntime().availableProcessors());
        progress.say("PostgreSQL alone stored %,d TMDb records as %s in %.1f s", ceiling.records(), ceiling.type(),
                ceiling.seconds());

        ReplayReport.DerivedRebuild derived = rebuildDerivedTables(app, jdbc);
        progress.say("The command side's derived tables rebuilt from %,d events in %.1f s: %s", derived.events(),
                derived.seconds(), derived.rows());

        Phase replayed = Phase.of(events, rebuild.nanos());
        Map<String, Double> secondsByProjection = new LinkedHashMap<>();
        rebuild.finished().entrySet().stream().sorted(Map.Entry.comparingByValue())
                .forEach(entry -> secondsByProjection.put(entry.getKey(), entry.getValue().toNanos() / 1e9));
        String scope = options.projections().isEmpty() ? "all projections"
                : String.join(", ", options.projections());
        Replay replay = new Replay(scope, events, replayed.seconds(), replayed.eventsPerSecond(),
                ReplayReport.TARGET_EVENTS_PER_SECOND,
                replayed.eventsPerSecond() >= ReplayReport.TARGET_EVENTS_PER_SECOND, secondsByProjection,
                rebuild.cpu().jvmSeconds(), rebuild.cpu().postgresSeconds(), rebuild.threads());
        return new ReplayReport(options.command(), Instant.now(), MachineFacts.of(jdbc, loadAverage), stored, seeding,
                catchUp, replay, baseline, baselineCpu, replayed.eventsPerSecond() / baseline.eventsPerSecond(), ceiling,
                derived,
                rebuild.heap(),
                options.pgProfile() ? PostgresProfile.since(jdbc) : null);
    }

    /**
     * Every derived table of the command side rebuilt at once, as a node that starts without them does: the seeded
     * years were never imported through the command side, so the tables start empty and the rebuild writes every row.
     */
    private static ReplayReport.DerivedRebuild rebuildDerivedTables(BenchmarkApp app, JdbcClient jdbc) {
        DerivedTables tables = app.context().getBean(DerivedTables.class);
        long read = jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE payload_type IN (:types)")
                .param("types", tables.sourceTypes(tables.names())).query(Long.class).single();
        long start = System.nanoTime();
        Map<String, Long> rows = tables.rebuild(tables.names());
        Phase phase = Phase.of(read, System.nanoTime() - start);
        Map<String, Long> filled = new LinkedHashMap<>();
        rows.forEach((table, count) -> {
            if (count > 0) {
                filled.put(table, count);
            }
        });
        return new ReplayReport.DerivedRebuild(read, phase.seconds(), phase.eventsPerSecond(),
                List.copyOf(rows.keySet()), filled);
    }

    private record RebuildMeasurement(Map<String, Duration> finished, long nanos, ProcessCpu.Sample cpu,
                                      JvmThreadCpu.Split threads, Heap heap) {
    }

    /** Rebuilds while sampling the heap, counting CPU time on both sides and, if asked, recording with JFR. */
    private static RebuildMeasurement rebuild(BenchmarkApp app, Options options, Progress progress)
            throws Exception {
        System.gc();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        AtomicLong peakHeap = new AtomicLong();
        AtomicLong lastReport = new AtomicLong(System.nanoTime());
        JvmThreadCpu threads = JvmThreadCpu.start();
        Runnable duringRebuild = () -> {
            peakHeap.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
            threads.sample();
            if (System.nanoTime() - lastReport.get() > PROGRESS_EVERY.toNanos()) {
                lastReport.set(System.nanoTime());
                try {
                    progress.say("Rebuilding: %s", slowestRebuild(app.get("/api/projections")));
                } catch (Exception e) {
                    log.warn("No progress to show: {}", e.toString());
                }
            }
        };
        ProcessCpu cpu = new ProcessCpu(app.dataDir().resolve("postgres"));
        ProcessCpu.Sample cpuBefore = cpu.sample();
        try (Recording recording = options.jfr() ? new Recording(Configuration.getConfiguration("profile")) : null) {
            if (recording != null) {
                Files.createDirectories(options.results());
                recording.setDestination(options.results().resolve("replay-latest.jfr"));
                recording.start();
            }
            long start = System.nanoTime();
            Map<String, Duration> finished = new HttpProjectionRebuild(app, duringRebuild, options.projections())
                    .rebuildAll();
            long nanos = System.nanoTime() - start;
            ProcessCpu.Sample cpuUsed = cpu.sample().since(cpuBefore);
            JvmThreadCpu.Split byThread = threads.split();
            if (recording != null) {
                recording.stop();
            }
            System.gc();
            return new RebuildMeasurement(finished, nanos, cpuUsed, byThread,
                    new Heap(peakHeap.get(), memory.getHeapMemoryUsage().getUsed()));
        }
    }

    private static void awaitCaughtUp(BenchmarkApp app, Progress progress) throws Exception {
        long lastReport = System.nanoTime();
        while (true) {
            JsonNode projections = app.get("/api/projections");
            if (!projections.isEmpty() && projections.findValuesAsText("caughtUp").stream().allMatch("true"::equals)) {
                return;
            }
            if (System.nanoTime() - lastReport > PROGRESS_EVERY.toNanos()) {
                progress.say("Catching up: %s", slowest(projections));
                lastReport = System.nanoTime();
            }
            Thread.sleep(HttpProjectionRebuild.POLL.toMillis());
        }
    }

    /** The projection furthest behind, for progress lines. */
    private static String slowest(JsonNode projections) {
        JsonNode slowest = null;
        for (JsonNode projection : projections) {
            if (slowest == null || projection.path("position").asLong() < slowest.path("position").asLong()) {
                slowest = projection;
            }
        }
        return slowest == null ? "no projections yet" : String.format(Locale.ROOT, "%s at %,d of %,d events",
                slowest.get("name").asText(), slowest.path("position").asLong(), slowest.path("head").asLong());
    }

    /** The rebuild furthest behind, by its share of the way to the head it must reach, across all nodes. */
    private static String slowestRebuild(JsonNode projections) {
        JsonNode slowest = null;
        for (JsonNode projection : projections) {
            // A projection never rebuilt has no rebuild to show (one left out by -Dbench.projections).
            boolean rebuilt = !projection.path("rebuild").path("state").asText().isEmpty();
            if (rebuilt && (slowest == null || projection.path("rebuild").path("progress").asDouble()
                    < slowest.path("rebuild").path("progress").asDouble())) {
                slowest = projection;
            }
        }
        return slowest == null ? "no rebuild started yet" : String.format(Locale.ROOT, "%s %s, %.1f%% of %,d events",
                slowest.get("name").asText(), slowest.path("rebuild").path("state").asText(),
                100 * slowest.path("rebuild").path("progress").asDouble(),
                slowest.path("rebuild").path("resetPosition").asLong());
    }

    private static ReplayReport.Events storedEvents(JdbcClient jdbc, int years, long movies) {
        Map<String, Long> byType = new LinkedHashMap<>();
        long[] totals = new long[2];
        jdbc.sql("""
                        SELECT payload_type, count(*) AS events, sum(octet_length(payload)) AS bytes
                          FROM domain_event_entry GROUP BY payload_type ORDER BY count(*) DESC""")
                .query(rows -> {
                    String type = rows.getString("payload_type");
                    byType.put(type.substring(type.lastIndexOf('.') + 1), rows.getLong("events"));
                    totals[0] += rows.getLong("events");
                    totals[1] += rows.getLong("bytes");
                });
        return new ReplayReport.Events(totals[0], byType, totals[1], years, movies);
    }

    /** A rebuild that ends with other answers than the events hold is no rebuild, however fast. */
    private static void requireRebuiltAnswers(BenchmarkApp app, ReplayReport.Events stored) throws Exception {
        Map<String, String> listByType = Map.of("MovieImported", "/api/movies?limit=1",
                "MovieSkipped", "/api/import/skipped?limit=1", "MovieImportFailed", "/api/import/failures?limit=1");
        for (Map.Entry<String, String> list : listByType.entrySet()) {
            long expected = stored.byType().getOrDefault(list.getKey(), 0L);
            long total = app.get(list.getValue()).get("total").asLong();
            if (total != expected) {
                throw new IllegalStateException(list.getValue() + " holds " + total + " after the rebuild, the events "
                        + expected);
            }
        }
    }

    private static JdbcClient jdbc(BenchmarkApp app) {
        return JdbcClient.create(app.context().getBean(DataSource.class));
    }
}
