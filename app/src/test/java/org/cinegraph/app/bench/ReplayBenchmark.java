package org.cinegraph.app.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import javax.sql.DataSource;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.cinegraph.app.bench.ReplayReport.Heap;
import org.cinegraph.app.bench.ReplayReport.Phase;
import org.cinegraph.app.bench.ReplayReport.Replay;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How fast every projection rebuilds from the event store (issue 4): seeds events shaped like real year
 * imports, lets the projections build once, then rebuilds all of them through the admin API and reports
 * events per second beside a plain JDBC read and Jackson parse of the same rows. A benchmark, not a test:
 * its name keeps it out of {@code mvn verify}; {@code bench/replay [events]} runs it.
 *
 * <p>System properties: {@code bench.events} (default 200,000), {@code bench.results} (where the report goes,
 * default {@code ../bench/results}, the repository's), {@code bench.jfr=true} to record the rebuild with Java
 * Flight Recorder beside the report, {@code bench.keep-data=true} to keep the database for a closer look.
 */
class ReplayBenchmark {

    static final long DEFAULT_EVENTS = 200_000;
    private static final Logger log = LoggerFactory.getLogger(ReplayBenchmark.class);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);

    @Test
    void replayEveryProjection() throws Exception {
        long events = Long.getLong("bench.events", DEFAULT_EVENTS);
        Path results = Path.of(System.getProperty("bench.results", "../bench/results"));
        ReplayReport report = run(events, results, "bench/replay " + events, Boolean.getBoolean("bench.jfr"),
                Boolean.getBoolean("bench.keep-data"));
        log.info("Replay benchmark done; report in {}\n{}", results.toAbsolutePath().normalize(), report.markdown());
    }

    static ReplayReport run(long requestedEvents, Path resultsDir, String command, boolean recordJfr, boolean keepData)
            throws Exception {
        Path dataDir = Path.of("target", "bench-data", UUID.randomUUID().toString()).toAbsolutePath();
        ReplayReport report;
        try (BenchmarkApp app = BenchmarkApp.start(dataDir)) {
            report = measure(app, requestedEvents, resultsDir, command, recordJfr);
        } finally {
            if (!keepData) {
                deleteRecursively(dataDir);
            }
        }
        report.write(resultsDir);
        return report;
    }

    private static ReplayReport measure(BenchmarkApp app, long requestedEvents, Path resultsDir, String command,
                                        boolean recordJfr) throws Exception {
        JdbcClient jdbc = JdbcClient.create(app.context().getBean(DataSource.class));
        List<EventProcessor> processors = List.copyOf(
                app.context().getBean(EventProcessingConfiguration.class).eventProcessors().values());

        // The projections are stopped while the store fills, so seeding and their first build do not compete
        // for the cores and each can be timed; the year-import runner is stopped so no import starts.
        processors.forEach(EventProcessor::shutDown);
        Map<Integer, Integer> years = YearImportSeeder.plan(requestedEvents);
        progress("Seeding about %,d events: %d years of imports", requestedEvents, years.size());
        long start = System.nanoTime();
        long movies = new YearImportSeeder(app.context().getBean(EventStore.class),
                new TransactionTemplate(app.context().getBean(PlatformTransactionManager.class))).seed(years);
        long events = jdbc.sql("SELECT count(*) FROM domain_event_entry").query(Long.class).single();
        Phase seeding = Phase.of(events, System.nanoTime() - start);
        progress("Seeded %,d events in %.1f s", events, seeding.seconds());

        start = System.nanoTime();
        processors.forEach(EventProcessor::start);
        awaitCaughtUp(app);
        Phase catchUp = Phase.of(events, System.nanoTime() - start);
        progress("Projections built for the first time in %.1f s", catchUp.seconds());

        ReplayReport.Events stored = storedEvents(jdbc, years.size(), movies);
        EventReadBaseline.Result read = new EventReadBaseline(app.context().getBean(DataSource.class)).run();
        Phase baseline = Phase.of(read.events(), read.nanos());
        progress("Baseline read and parsed %,d events in %.1f s", read.events(), baseline.seconds());

        System.gc();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        AtomicLong peakHeap = new AtomicLong();
        AtomicLong lastReport = new AtomicLong(System.nanoTime());
        Runnable duringRebuild = () -> {
            peakHeap.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
            if (System.nanoTime() - lastReport.get() > PROGRESS_EVERY.toNanos()) {
                lastReport.set(System.nanoTime());
                try {
                    progress("Rebuilding: %s", slowest(app.get("/api/projections")));
                } catch (Exception e) {
                    log.warn("No progress to show: {}", e.toString());
                }
            }
        };
        ProcessCpu cpu = new ProcessCpu(app.dataDir().resolve("postgres"));
        double loadAverage = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        ProcessCpu.Sample cpuBefore = cpu.sample();
        Map<String, Duration> finished;
        long replayNanos;
        ProcessCpu.Sample cpuUsed;
        try (Recording recording = recordJfr ? new Recording(Configuration.getConfiguration("profile")) : null) {
            if (recording != null) {
                Files.createDirectories(resultsDir);
                recording.setDestination(resultsDir.resolve("replay-latest.jfr"));
                recording.start();
            }
            start = System.nanoTime();
            finished = rebuild(app, duringRebuild).rebuildAll();
            replayNanos = System.nanoTime() - start;
            cpuUsed = cpu.sample().since(cpuBefore);
            if (recording != null) {
                recording.stop();
            }
        }
        System.gc();
        Heap heap = new Heap(peakHeap.get(), memory.getHeapMemoryUsage().getUsed());
        requireRebuiltAnswers(app, stored);

        Phase replayed = Phase.of(events, replayNanos);
        Map<String, Double> secondsByProjection = new LinkedHashMap<>();
        finished.entrySet().stream().sorted(Map.Entry.comparingByValue())
                .forEach(entry -> secondsByProjection.put(entry.getKey(), entry.getValue().toNanos() / 1e9));
        Replay replay = new Replay(rebuildMethod(), events, replayed.seconds(), replayed.eventsPerSecond(),
                ReplayReport.TARGET_EVENTS_PER_SECOND,
                replayed.eventsPerSecond() >= ReplayReport.TARGET_EVENTS_PER_SECOND, secondsByProjection,
                cpuUsed.jvmSeconds(), cpuUsed.postgresSeconds());
        return new ReplayReport(command, Instant.now(), MachineFacts.of(jdbc, loadAverage), stored, seeding, catchUp, replay,
                baseline, replayed.eventsPerSecond() / baseline.eventsPerSecond(), heap);
    }

    private static String rebuildMethod() {
        return System.getProperty("bench.rebuild", "http");
    }

    private static ProjectionRebuild rebuild(BenchmarkApp app, Runnable onPoll) {
        return rebuildMethod().equals("axon") ? new AxonResetRebuild(app, onPoll)
                : new HttpProjectionRebuild(app, onPoll);
    }

    private static void awaitCaughtUp(BenchmarkApp app) throws Exception {
        long lastReport = System.nanoTime();
        while (true) {
            JsonNode projections = app.get("/api/projections");
            if (!projections.isEmpty() && projections.findValuesAsText("caughtUp").stream().allMatch("true"::equals)) {
                return;
            }
            if (System.nanoTime() - lastReport > PROGRESS_EVERY.toNanos()) {
                progress("Catching up: %s", slowest(projections));
                lastReport = System.nanoTime();
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    /** {@code bench/replay} shows these lines of the log while it waits. */
    private static void progress(String format, Object... values) {
        log.info(String.format(Locale.ROOT, format, values));
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

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
