package org.cinegraph.app.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.cinegraph.sandbox.TmdbSandboxServer;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How fast the importer imports, end to end: a whole catalogue from a sandbox that
 * answers at once and limits nothing, until every projection has caught up, its movies imported a second beside
 * a plain JDBC batch insert of the same movies' TMDb records; then a smaller catalogue against the sandbox limiting requests to 40 a second, as TMDb
 * does, for how busy the importer keeps that limit and how many 429s it draws; and the heap through the
 * import. Its name keeps it out of {@code mvn verify}; {@code bench/run} runs it.
 */
class ImportBenchmark {

    /** TMDb's own limit, which the sandbox enforces for the saturation run. */
    static final int TMDB_LIMIT = 40;
    /** About how many movies TMDb holds: what the whole catalogue would take at the measured rate. */
    static final long CATALOGUE = 1_100_000;
    /** The largest year the benchmark's catalogue has: larger catalogues spread over more years. */
    static final int MOVIES_PER_YEAR = 50_000;
    /** The requests of the burst after the saturation run: five times TMDb's limit of a second. */
    static final int BURST = 5 * TMDB_LIMIT;
    private static final Duration POLL = Duration.ofMillis(250);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * @param movies the catalogue of the throughput run ({@code bench.movies}, default 20,000)
     * @param warmupMovies a year imported before the throughput run and not counted in it
     *                     ({@code bench.warmup-movies}, default 10,000; 0 for none): the JIT compiles the
     *                     importer's paths in a fresh JVM's first minute, which is not the pace of a node that runs
     *                     for months
     * @param saturationMovies the catalogue of the rate-limited run ({@code bench.saturation-movies}, default 3,000)
     * @param results where the report goes ({@code bench.results})
     */
    record Options(long movies, long warmupMovies, long saturationMovies, Path results) {

        static Options fromSystemProperties() {
            return new Options(Long.getLong("bench.movies", 20_000), Long.getLong("bench.warmup-movies", 10_000),
                    Long.getLong("bench.saturation-movies", 3_000),
                    Path.of(System.getProperty("bench.results", "../bench/results")));
        }
    }

    @Test
    void importEndToEnd() throws Exception {
        run(Options.fromSystemProperties());
    }

    static ObjectNode run(Options options) throws Exception {
        Progress progress = new Progress(options.results().resolve("import-progress.log"));
        return write(options.results(), throughput(options, progress), saturation(options, progress));
    }

    /** Writes {@code import-latest.json}, the import's own report, and returns it. */
    static ObjectNode write(Path results, JsonNode throughput, JsonNode saturation) throws IOException {
        ObjectNode report = JSON.createObjectNode();
        report.set("throughput", throughput);
        report.set("saturation", saturation);
        Files.createDirectories(results);
        JSON.writeValue(results.resolve("import-latest.json").toFile(), report);
        return report;
    }

    /**
     * The catalogue imported as fast as the importer goes: TMDb answers at once and limits nothing. A year of
     * {@code warmupMovies} older than the catalogue, outside the pass's range, is imported first: that is the
     * importer's pace in a JVM just started (cold), reported beside the catalogue's.
     */
    static ObjectNode throughput(Options options, Progress progress) throws Exception {
        long movies = options.movies();
        long warmupMovies = options.warmupMovies();
        Map<Integer, Integer> years = years(movies);
        int warmupYear = years.keySet().stream().min(Integer::compare).orElseThrow() - 1;
        List<String> arguments = catalogue(years);
        if (warmupMovies > 0) {
            arguments.add("--cinegraph.sandbox.movies-per-year." + warmupYear + "=" + warmupMovies);
        }
        // The client's own pace is TMDb's limit by default; here nothing limits it.
        arguments.add("--cinegraph.tmdb.requests-per-second=1000000");
        try (BenchDataDir dataDir = BenchDataDir.create();
             BenchmarkApp app = BenchmarkApp.start(dataDir.path(), arguments)) {
            double warmupSeconds = warmupMovies > 0 ? warmUp(app, warmupYear, warmupMovies, progress) : 0;
            Memory memory = new Memory();
            progress.say("Throughput: importing %,d movies in %d years, no latency, no rate limit", movies,
                    years.size());
            long start = System.nanoTime();
            require(app.postAsAdmin("/api/admin/imports/next").statusCode() == 202, "the pass did not start");
            long lastReport = System.nanoTime();
            int oldest = years.keySet().stream().min(Integer::compare).orElseThrow();
            while (!completed(app, oldest) || !caughtUp(app)) {
                memory.sample(done(app, years) / (double) movies);
                if (System.nanoTime() - lastReport > PROGRESS_EVERY.toNanos()) {
                    progress.say("Throughput: %,d of %,d movies recorded", done(app, years), movies);
                    lastReport = System.nanoTime();
                }
                Thread.sleep(POLL.toMillis());
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            Instant caughtUpAt = Instant.now();
            memory.sample(1.0);
            long recorded = done(app, years);
            long imported = imported(app, years);
            JsonNode state = app.get("/api/import/state");
            progress.say("Throughput: %,d movies recorded in %.1f s (%,d of them imported), every projection caught "
                    + "up", recorded, seconds, imported);

            DataSource dataSource = app.context().getBean(DataSource.class);
            // How long the projections' processors took to apply the last events after they were stored (within
            // the poll's quarter of a second): the catch-up after a large import, which no bulk load helps.
            Instant lastEventAt = Instant.parse(JdbcClient.create(dataSource).sql("""
                            SELECT time_stamp FROM domain_event_entry
                             WHERE global_index = (SELECT max(global_index) FROM domain_event_entry)""")
                    .query(String.class).single());
            double catchUpSeconds = Math.max(0, Duration.between(lastEventAt, caughtUpAt).toMillis() / 1000.0);
            progress.say("Caught up %.1f s after the last event was stored", catchUpSeconds);
            Baseline baseline = plainInsert(dataSource, warmupYear + 1);
            progress.say("Baseline: %,d TMDb records inserted with plain JDBC batches in %.1f s", baseline.rows(),
                    baseline.seconds());
            // The ratio divides movies imported a second by rows inserted a second: it means something only if
            // the baseline inserted exactly the imported movies' records, no more (the warm-up's) and no fewer.
            require(baseline.rows() == imported, "the baseline inserted " + baseline.rows() + " records of the "
                    + imported + " movies imported");

            ObjectNode figures = JSON.createObjectNode();
            // Every movie of the catalogue ends with one outcome: imported, skipped (the quality filter) or
            // failed. The target (1,000 movies a second) counts them all, since each took a discover entry and a
            // details request to decide; the ratio to the baseline counts the imported ones only, since those
            // are the rows the baseline inserts.
            figures.put("movies", recorded);
            figures.put("imported", imported);
            figures.put("moviesInTable", state.path("ourTotalMovies").asLong());
            figures.put("years", years.size());
            figures.put("warmupMovies", warmupMovies);
            if (warmupMovies > 0) {
                figures.put("warmupSeconds", warmupSeconds);
                figures.put("warmupMoviesPerSecond", warmupMovies / warmupSeconds);
            }
            figures.put("seconds", seconds);
            figures.put("moviesPerSecond", recorded / seconds);
            figures.put("target", 1_000);
            figures.put("importedPerSecond", imported / seconds);
            figures.put("baselineRows", baseline.rows());
            figures.put("baselineSeconds", baseline.seconds());
            figures.put("baselineRowsPerSecond", baseline.rows() / baseline.seconds());
            figures.put("importedToBaseline", (imported / seconds) / (baseline.rows() / baseline.seconds()));
            figures.put("tmdbRequests", app.context().getBean(TmdbSandboxServer.class).requestCount());
            figures.put("catchUpSeconds", catchUpSeconds);
            figures.put("catchUpTargetSeconds", 60);
            figures.set("memory", memory.json());
            figures.set("machine", JSON.valueToTree(MachineFacts.of(JdbcClient.create(dataSource),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage())));
            return figures;
        }
    }

    /**
     * Imports the warm-up year (an admin's import of a year outside the pass's range, which the pass does not go
     * on from) until every projection has caught up.
     *
     * @return how long it took, in seconds
     */
    private static double warmUp(BenchmarkApp app, int year, long movies, Progress progress) throws Exception {
        progress.say("Warm-up: importing %,d movies of %d in a JVM just started (not counted)", movies, year);
        long start = System.nanoTime();
        require(app.postAsAdmin("/api/admin/imports/years/" + year).statusCode() == 202, "the warm-up did not start");
        while (!"completed".equals(year(app, year).path("status").asText()) || !caughtUp(app)) {
            Thread.sleep(POLL.toMillis());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        progress.say("Warm-up: %,d movies in %.1f s (%,.0f movies/s)", movies, seconds, movies / seconds);
        return seconds;
    }

    /**
     * A smaller catalogue against TMDb's limit: how busy the importer keeps it, and how many 429s it draws. Then a
     * burst of requests far beyond the limit, straight at the sandbox: the 429s it draws show the limit was on,
     * so that few 429s during the import are the importer's doing, not a limit that never bit.
     */
    static ObjectNode saturation(Options options, Progress progress) throws Exception {
        long movies = options.saturationMovies();
        int year = Year.now(ZoneOffset.UTC).getValue() - 1;
        try (BenchDataDir dataDir = BenchDataDir.create();
             BenchmarkApp app = BenchmarkApp.start(dataDir.path(), catalogue(Map.of(year, (int) movies)))) {
            TmdbSandboxServer tmdb = app.context().getBean(TmdbSandboxServer.class);
            tmdb.faults().rateLimit(TMDB_LIMIT, true);
            progress.say("Saturation: importing %,d movies from a TMDb that answers 429 beyond %d requests a second",
                    movies, TMDB_LIMIT);
            long requestsBefore = tmdb.requestCount();
            long limitedBefore = tmdb.faults().rateLimitedCount();
            long start = System.nanoTime();
            require(app.postAsAdmin("/api/admin/imports/years/" + year).statusCode() == 202, "the year did not start");
            long lastReport = System.nanoTime();
            while (!"completed".equals(year(app, year).path("status").asText())) {
                if (System.nanoTime() - lastReport > PROGRESS_EVERY.toNanos()) {
                    progress.say("Saturation: %,d requests so far", tmdb.requestCount() - requestsBefore);
                    lastReport = System.nanoTime();
                }
                Thread.sleep(POLL.toMillis());
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long requests = tmdb.requestCount() - requestsBefore;
            long limited = tmdb.faults().rateLimitedCount() - limitedBefore;
            JsonNode done = year(app, year);
            long recorded = done.path("imported").asLong() + done.path("skipped").asLong()
                    + done.path("failed").asLong();
            double perSecond = requests / seconds;
            double requestsPerMovie = requests / (double) Math.max(1, recorded);
            progress.say("Saturation: %,d requests in %.1f s, %.1f a second, %,d answered 429", requests, seconds,
                    perSecond, limited);
            Burst burst = burst(tmdb);
            progress.say("Saturation: a burst of %,d requests at %,.0f a second drew %,d 429s", burst.requests(),
                    burst.requests() / burst.seconds(), burst.rateLimited());

            ObjectNode figures = JSON.createObjectNode();
            figures.put("movies", recorded);
            figures.put("failed", done.path("failed").asLong());
            figures.put("seconds", seconds);
            figures.put("requests", requests);
            figures.put("requestsPerSecond", perSecond);
            figures.put("limit", TMDB_LIMIT);
            figures.put("limitBusy", perSecond / TMDB_LIMIT);
            figures.put("limitBusyTarget", 0.95);
            figures.put("rateLimited", limited);
            figures.put("rateLimitedShare", limited / (double) Math.max(1, requests));
            figures.put("rateLimitedShareTarget", 0.01);
            figures.put("requestsPerMovie", requestsPerMovie);
            figures.put("catalogueMovies", CATALOGUE);
            figures.put("catalogueHours", CATALOGUE * requestsPerMovie / perSecond / 3600);
            figures.put("burstRequests", burst.requests());
            figures.put("burstRequestsPerSecond", burst.requests() / burst.seconds());
            figures.put("burstRateLimited", burst.rateLimited());
            return figures;
        }
    }

    /**
     * {@link #BURST} requests sent to the sandbox as fast as it answers them, from a few clients at once each on
     * a kept-alive connection (more connections at once than the sandbox's backlog would only be held back):
     * several times its limit of a second, even if they straddle two or three of its one-second windows.
     *
     * @throws IllegalStateException if an answer is neither 200 nor 429
     */
    private static Burst burst(TmdbSandboxServer tmdb) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(tmdb.baseUrl() + "/configuration")).GET().build();
        int clients = 8;
        ExecutorService senders = Executors.newFixedThreadPool(clients);
        try {
            long start = System.nanoTime();
            List<Future<Long>> counts = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                counts.add(senders.submit(() -> {
                    long limited = 0;
                    for (int i = 0; i < BURST / clients; i++) {
                        int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                        require(status == 200 || status == 429, "the sandbox answered a burst's request with "
                                + status);
                        limited += status == 429 ? 1 : 0;
                    }
                    return limited;
                }));
            }
            long limited = 0;
            for (Future<Long> count : counts) {
                limited += count.get(1, TimeUnit.MINUTES);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Burst(clients * (BURST / clients), seconds, limited);
        } finally {
            senders.shutdownNow();
        }
    }

    private record Burst(int requests, double seconds, long rateLimited) {
    }

    /** The years of a catalogue of {@code movies}, newest first from last year, none larger than the largest. */
    static Map<Integer, Integer> years(long movies) {
        Map<Integer, Integer> years = new LinkedHashMap<>();
        int year = Year.now(ZoneOffset.UTC).getValue() - 1;
        long left = Math.max(1, movies);
        while (left > 0) {
            int size = (int) Math.min(left, MOVIES_PER_YEAR);
            years.put(year--, size);
            left -= size;
        }
        return years;
    }

    /** The sandbox's catalogue, and a pass over exactly its years, newest first, that goes on by itself. */
    private static List<String> catalogue(Map<Integer, Integer> years) {
        List<String> arguments = new ArrayList<>();
        years.forEach((year, size) -> arguments.add("--cinegraph.sandbox.movies-per-year." + year + "=" + size));
        arguments.add("--cinegraph.import.last-year=" + years.keySet().stream().min(Integer::compare).orElseThrow());
        arguments.add("--cinegraph.import.continuous=true");
        // The daily import's saga follows each completed year with the next; its own tick (midnight on the first
        // of January) stays out of the way, and the benchmark starts the pass itself.
        arguments.add("--cinegraph.schedule.enabled=true");
        arguments.add("--cinegraph.schedule.daily-import-cron=0 0 0 1 1 *");
        return arguments;
    }

    /** Whether the oldest year of the catalogue is completed. */
    private static boolean completed(BenchmarkApp app, int oldest) throws Exception {
        return "completed".equals(year(app, oldest).path("status").asText());
    }

    /** A year's progress; a missing node until the year is listed (a 404 of its own path). */
    private static JsonNode year(BenchmarkApp app, int year) throws Exception {
        for (JsonNode progress : app.get("/api/import/years").path("years")) {
            if (progress.path("year").asInt() == year) {
                return progress;
            }
        }
        return JSON.missingNode();
    }

    private static boolean caughtUp(BenchmarkApp app) throws Exception {
        JsonNode projections = app.get("/api/projections");
        for (JsonNode projection : projections) {
            if (!projection.path("caughtUp").asBoolean() || projection.path("lag").asLong(1) != 0) {
                return false;
            }
        }
        return !projections.isEmpty();
    }

    /** Movies imported in the catalogue's years, as the year progress read model counts them. */
    private static long imported(BenchmarkApp app, Map<Integer, Integer> years) throws Exception {
        long imported = 0;
        for (JsonNode year : app.get("/api/import/years").path("years")) {
            if (years.containsKey(year.path("year").asInt())) {
                imported += year.path("imported").asLong();
            }
        }
        return imported;
    }

    /** Movies with an outcome, as the year progress read model counts them. */
    private static long done(BenchmarkApp app, Map<Integer, Integer> years) throws Exception {
        long done = 0;
        for (JsonNode year : app.get("/api/import/years").path("years")) {
            if (years.containsKey(year.path("year").asInt())) {
                done += year.path("imported").asLong() + year.path("skipped").asLong() + year.path("failed").asLong();
            }
        }
        return done;
    }

    /**
     * The baseline: the same TMDb records (the {@code tmdb_data} of the catalogue's movies, those of
     * {@code oldestYear} and later, read in chunks that are not timed) inserted into a plain table with JDBC batches
     * of 1,000, a transaction each: all that storing them needs, without events, ledger or projections. Stored as
     * {@code movies} stores them, as {@code json} (as {@code jsonb} until V33).
     */
    private static Baseline plainInsert(DataSource dataSource, int oldestYear) throws SQLException {
        long rows = 0;
        long nanos = 0;
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS bench_plain_insert");
            statement.execute("CREATE TABLE bench_plain_insert (tmdb_id INTEGER PRIMARY KEY, tmdb_data JSON NOT NULL)");
            connection.setAutoCommit(false);
            try (PreparedStatement read = connection.prepareStatement("""
                            SELECT tmdb_id, tmdb_data::text FROM movies WHERE tmdb_id > ? AND year >= ?
                             ORDER BY tmdb_id LIMIT 10000""");
                 PreparedStatement insert = connection.prepareStatement(
                         "INSERT INTO bench_plain_insert (tmdb_id, tmdb_data) VALUES (?, CAST(? AS json))")) {
                int after = Integer.MIN_VALUE;
                while (true) {
                    List<Object[]> chunk = new ArrayList<>();
                    read.setInt(1, after);
                    read.setInt(2, oldestYear);
                    try (ResultSet records = read.executeQuery()) {
                        while (records.next()) {
                            chunk.add(new Object[] {records.getInt(1), records.getString(2)});
                        }
                    }
                    connection.commit();
                    if (chunk.isEmpty()) {
                        break;
                    }
                    after = (Integer) chunk.get(chunk.size() - 1)[0];
                    long start = System.nanoTime();
                    int batch = 0;
                    for (Object[] record : chunk) {
                        insert.setInt(1, (Integer) record[0]);
                        insert.setString(2, (String) record[1]);
                        insert.addBatch();
                        if (++batch == 1_000) {
                            insert.executeBatch();
                            connection.commit();
                            batch = 0;
                        }
                    }
                    insert.executeBatch();
                    connection.commit();
                    nanos += System.nanoTime() - start;
                    rows += chunk.size();
                }
            }
            statement.execute("DROP TABLE bench_plain_insert");
            connection.commit();
        }
        return new Baseline(rows, nanos / 1e9);
    }

    private record Baseline(long rows, double seconds) {
    }

    /**
     * The heap through the import: its peak in use, and what it holds after a full collection at each quarter of
     * the catalogue, which shows whether what the importer keeps grows with the catalogue. (The JVM's resident
     * set is measured per benchmark by {@link PhaseJvm}, a JVM each.)
     */
    static final class Memory {

        private final MemoryMXBean heap = ManagementFactory.getMemoryMXBean();
        private final Map<String, Long> heapAfterCollection = new LinkedHashMap<>();
        private double nextQuarter = 0.25;
        private long peakHeap;

        void sample(double share) {
            peakHeap = Math.max(peakHeap, heap.getHeapMemoryUsage().getUsed());
            while (share >= nextQuarter - 1e-9 && nextQuarter <= 1.0) {
                System.gc();
                heapAfterCollection.put(String.format(Locale.ROOT, "%.0f%%", nextQuarter * 100),
                        heap.getHeapMemoryUsage().getUsed());
                nextQuarter += 0.25;
            }
        }

        ObjectNode json() {
            ObjectNode memory = JSON.createObjectNode();
            memory.put("peakHeapUsedBytes", peakHeap);
            ObjectNode quarters = memory.putObject("heapAfterCollectionBytes");
            heapAfterCollection.forEach(quarters::put);
            List<Long> values = List.copyOf(heapAfterCollection.values());
            // It grows when the heap kept at the end is over half as large again as at the first quarter, and
            // more than 64 MiB larger: a catalogue's worth of anything kept would be far more.
            memory.put("grows", values.size() > 1 && values.get(values.size() - 1) > values.get(0) * 1.5
                    && values.get(values.size() - 1) - values.get(0) > 64L << 20);
            return memory;
        }
    }

    private static void require(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException("Import benchmark: " + what);
        }
    }
}
