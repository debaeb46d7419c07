package org.cinegraph.app.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How fast the dashboard's reads answer with a million movies in the tables: fills the read
 * models straight with SQL ({@link DashboardReadModelFill}: only the reads are measured, so no event is
 * involved), checks that the endpoints answer what the tables hold, then loads {@code GET /api/import/state},
 * {@code GET /api/import/years} and {@code GET /api/movies?year=Y} from a second JVM ({@link ReadsLoad}) and
 * reports requests per second and latency percentiles against the target, a p99 of 10 ms or less. A benchmark,
 * not a test: its name keeps it out of {@code mvn verify}; {@code bench/reads [movies]} runs it. Its system
 * properties are those of {@link ReadsOptions#fromSystemProperties()}.
 */
class ReadsBenchmark {

    private static final Logger log = LoggerFactory.getLogger(ReadsBenchmark.class);
    /** The endpoints loaded, one after another; {@link ReadsLoad#YEAR} takes each year filled in turn. */
    static final List<String> PATHS = List.of("/api/import/state", "/api/import/years",
            "/api/movies?year=" + ReadsLoad.YEAR);
    /**
     * Each endpoint's warm-up, twice: once in a first round over every endpoint, and again before it is measured.
     * On two cores both JVMs go on compiling the reads' code for some forty seconds of load: three seconds left the
     * first endpoint measured while the compilers took most of a core.
     */
    private static final Duration WARM_UP = Duration.ofSeconds(10);
    private static final int PAGE = 50;

    /**
     * @param movies how many movies to put in the tables ({@code bench.reads.movies}, default 1,000,000)
     * @param duration how long each endpoint is measured, after its warm-up ({@code bench.reads.seconds},
     *     default 20)
     * @param connections how many clients load each endpoint at once, each on a connection of its own
     *     ({@code bench.reads.connections}, default 8)
     * @param results where the report goes ({@code bench.results}, default the repository's bench/results)
     */
    record ReadsOptions(long movies, Duration duration, int connections, Path results) {

        static final long DEFAULT_MOVIES = 1_000_000;
        static final long DEFAULT_SECONDS = 20;
        static final int DEFAULT_CONNECTIONS = 8;

        static ReadsOptions fromSystemProperties() {
            return new ReadsOptions(Long.getLong("bench.reads.movies", DEFAULT_MOVIES),
                    Duration.ofSeconds(Long.getLong("bench.reads.seconds", DEFAULT_SECONDS)),
                    Integer.getInteger("bench.reads.connections", DEFAULT_CONNECTIONS),
                    Path.of(System.getProperty("bench.results", "../bench/results")));
        }

        /** Shorter than the measured time when that is short, so a small run stays small. */
        Duration warmUp() {
            return duration.compareTo(WARM_UP) < 0 ? duration : WARM_UP;
        }

        String command() {
            return "bench/reads " + movies
                    + (duration.toSeconds() == DEFAULT_SECONDS ? "" : " -Dbench.reads.seconds=" + duration.toSeconds())
                    + (connections == DEFAULT_CONNECTIONS ? "" : " -Dbench.reads.connections=" + connections);
        }
    }

    @Test
    void loadTheDashboardReads() throws Exception {
        run(ReadsOptions.fromSystemProperties());
    }

    /** Writes the report to {@code options.results()}, logs it and returns it. */
    static ReadsReport run(ReadsOptions options) throws Exception {
        Progress progress = new Progress(options.results().resolve("reads-progress.log"));
        ReadsReport report;
        // No daily run may start an import while the tables are filled and read.
        try (BenchDataDir dataDir = BenchDataDir.create();
             BenchmarkApp app = BenchmarkApp.start(dataDir.path(), List.of("--cinegraph.schedule.enabled=false"))) {
            report = measure(app, options, progress);
        }
        report.write(options.results());
        log.info("Reads benchmark done; report in {}\n{}", options.results().toAbsolutePath().normalize(),
                report.markdown());
        return report;
    }

    private static ReadsReport measure(BenchmarkApp app, ReadsOptions options, Progress progress) throws Exception {
        JdbcClient jdbc = JdbcClient.create(app.context().getBean(DataSource.class));
        // Nothing but the fill writes: the projections are stopped (the endpoints read tables only).
        app.context().getBean(EventProcessingConfiguration.class).eventProcessors().values()
                .forEach(EventProcessor::shutDown);
        int newestYear = Year.now(ZoneOffset.UTC).getValue();
        progress.say("Filling the read models with %,d movies over %d years", options.movies(),
                DashboardReadModelFill.YEARS);
        DashboardReadModelFill.Filled filled = new DashboardReadModelFill(jdbc, progress)
                .fill(options.movies(), newestYear);
        progress.say("Filled %,d movies in %.1f s", filled.movies(), filled.seconds());
        requireRealAnswers(app, options, filled);

        double loadAverage = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        ProcessCpu cpu = new ProcessCpu(app.dataDir().resolve("postgres"));
        ProcessCpu.Sample before = cpu.sample();
        long start = System.nanoTime();
        LoadResult load = load(app, options, filled.years(), progress);
        double wallSeconds = (System.nanoTime() - start) / 1e9;
        ProcessCpu.Sample used = cpu.sample().since(before);

        List<ReadsReport.Plan> plans = moviesOfAYearPlans(jdbc, filled.years().get(filled.years().size() / 2));
        long requests = load.endpoints().stream().mapToLong(e -> e.requests() + e.warmUpRequests()).sum();
        long perYear = filled.moviesPerYear().values().stream().mapToLong(Long::longValue).max().orElse(0);
        ReadsReport.Movies movies = new ReadsReport.Movies(options.movies(), filled.movies(), filled.years().size(),
                newestYear, perYear, filled.tmdbTotal(), filled.seconds(), filled.meanRecordBytes(),
                filled.meanStoredRecordBytes(), filled.moviesTableBytes());
        ReadsReport.Load how = new ReadsReport.Load(
                "Apache HttpClient 5, blocking, HTTP/1.1 keep-alive, closed loop, HdrHistogram",
                options.connections(), options.warmUp().toMillis() / 1e3, options.duration().toMillis() / 1e3);
        return new ReadsReport(options.command(), Instant.now(), ReadsReport.TARGET_P99_MS,
                MachineFacts.of(jdbc, loadAverage), movies, how, load.endpoints(),
                new ReadsReport.Cpu(used.jvmSeconds(), used.postgresSeconds(), load.cpuSeconds(), wallSeconds,
                        requests), plans);
    }

    /** Fast answers that are empty or wrong would measure nothing: each endpoint must answer what was filled. */
    private static void requireRealAnswers(BenchmarkApp app, ReadsOptions options,
                                           DashboardReadModelFill.Filled filled) throws Exception {
        require(filled.movies() == options.movies(), "movies holds " + filled.movies() + " rows, not "
                + options.movies());
        JsonNode state = app.get("/api/import/state");
        require(state.path("ourTotalMovies").asLong() == filled.movies(),
                "/api/import/state counts " + state.path("ourTotalMovies") + " movies, not " + filled.movies());
        require(state.path("tmdbTotalMovies").asLong() == filled.tmdbTotal(),
                "/api/import/state says TMDb has " + state.path("tmdbTotalMovies") + ", not " + filled.tmdbTotal());
        List<Integer> years = filled.years();
        require(state.path("lastCompletedYear").asInt() == years.get(years.size() - 1),
                "/api/import/state's last completed year is " + state.path("lastCompletedYear"));

        JsonNode progress = app.get("/api/import/years");
        Map<Integer, Long> completed = new LinkedHashMap<>();
        progress.path("years").forEach(year -> {
            if (year.path("status").asText().equals("completed")) {
                completed.put(year.path("year").asInt(), year.path("imported").asLong());
            }
        });
        require(completed.equals(filled.moviesPerYear()), "/api/import/years has these completed years and imports: "
                + completed + ", not " + filled.moviesPerYear());
        require(progress.path("etaSeconds").isNumber(), "/api/import/years has no ETA: " + progress.path("etaSeconds"));

        for (Map.Entry<Integer, Long> year : filled.moviesPerYear().entrySet()) {
            JsonNode page = app.get("/api/movies?year=" + year.getKey() + "&limit=" + PAGE);
            require(page.path("total").asLong() == year.getValue(), "/api/movies?year=" + year.getKey() + " has "
                    + page.path("total") + " movies in all, not " + year.getValue());
            require(page.path("items").size() == Math.min(PAGE, year.getValue()), "/api/movies?year=" + year.getKey()
                    + " answered " + page.path("items").size() + " items");
        }
    }

    /**
     * PostgreSQL's own account of the statements {@code GET /api/movies?year=} runs (those of the movies
     * controller), for one year, the third run of each
     * so the cache is warm: where the database's share of the endpoint's time goes.
     */
    private static List<ReadsReport.Plan> moviesOfAYearPlans(JdbcClient jdbc, int year) {
        Map<String, String> statements = new LinkedHashMap<>();
        statements.put("the year's count, kept by the movies projection",
                "SELECT COALESCE(sum(movies), 0) FROM movie_year_counts WHERE year = " + year);
        statements.put("a year's first page by popularity",
                "SELECT tmdb_id, imdb_id, title, release_date, popularity, vote_count, runtime, original_language,"
                        + " removed_from_tmdb_at FROM movies WHERE year = " + year
                        + " ORDER BY popularity DESC NULLS LAST, tmdb_id LIMIT " + PAGE + " OFFSET 0");
        List<ReadsReport.Plan> plans = new ArrayList<>();
        for (Map.Entry<String, String> statement : statements.entrySet()) {
            List<String> plan = List.of();
            for (int run = 0; run < 3; run++) {
                plan = jdbc.sql("EXPLAIN (ANALYZE, BUFFERS) " + statement.getValue()).query(String.class).list();
            }
            double executionMs = plan.stream().filter(line -> line.startsWith("Execution Time:"))
                    .map(line -> Double.parseDouble(line.replaceAll("[^0-9.]", ""))).findFirst().orElse(Double.NaN);
            plans.add(new ReadsReport.Plan(statement.getKey(), statement.getValue(), executionMs, plan));
        }
        return plans;
    }

    private record LoadResult(List<ReadsReport.Endpoint> endpoints, double cpuSeconds) {
    }

    /** Runs {@link ReadsLoad} in a JVM of its own and reads the line it prints for each path. */
    private static LoadResult load(BenchmarkApp app, ReadsOptions options, List<Integer> years, Progress progress)
            throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                ReadsLoad.class.getName(), "http://127.0.0.1:" + app.port(), Integer.toString(options.connections()),
                Long.toString(options.warmUp().toMillis()), Long.toString(options.duration().toMillis()),
                years.stream().map(String::valueOf).collect(Collectors.joining(","))));
        command.addAll(PATHS);
        Path output = Path.of("target", "reads-load.out").toAbsolutePath();
        Path errors = Path.of("target", "reads-load.log").toAbsolutePath();
        Files.createDirectories(output.getParent());
        progress.say("Loading %s with %d connections from a second JVM: %.0f s of warm-up each, then each again"
                        + " and %.0f s measured",
                String.join(", ", PATHS).replace(ReadsLoad.YEAR, "Y"), options.connections(),
                options.warmUp().toMillis() / 1e3, options.duration().toMillis() / 1e3);
        Process process = new ProcessBuilder(command).redirectOutput(output.toFile()).redirectError(errors.toFile())
                .start();
        Duration limit = options.warmUp().multipliedBy(2).plus(options.duration()).plusSeconds(40)
                .multipliedBy(PATHS.size());
        ObjectMapper json = new ObjectMapper();
        List<ReadsReport.Endpoint> endpoints = new ArrayList<>();
        Double cpuSeconds = null;
        int linesSeen = 0;
        long deadline = System.nanoTime() + limit.toNanos();
        boolean ended = false;
        while (!ended) {
            ended = process.waitFor(1, TimeUnit.SECONDS);
            if (!ended && System.nanoTime() > deadline) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                throw new IllegalStateException("The load generator did not finish in " + limit + "; see " + errors);
            }
            List<String> lines = Files.readAllLines(output).stream().filter(line -> line.startsWith("{")).toList();
            // A line is whole once the next has begun, or once the process has ended.
            for (; linesSeen < lines.size() - (ended ? 0 : 1); linesSeen++) {
                JsonNode line = json.readTree(lines.get(linesSeen));
                if (line.has("loadGeneratorCpuSeconds")) {
                    cpuSeconds = line.get("loadGeneratorCpuSeconds").asDouble();
                    continue;
                }
                ReadsReport.Endpoint endpoint = json.treeToValue(line, ReadsReport.Endpoint.class);
                endpoints.add(endpoint);
                progress.say("GET %s: %,.0f requests/s, p50 %.2f ms, p99 %.2f ms, max %.1f ms, %,d errors",
                        endpoint.path(), endpoint.requestsPerSecond(), endpoint.p50Ms(), endpoint.p99Ms(),
                        endpoint.maxMs(), endpoint.errors());
            }
        }
        if (process.exitValue() != 0 || endpoints.size() != PATHS.size() || cpuSeconds == null) {
            throw new IllegalStateException("The load generator ended with " + process.exitValue() + " after "
                    + endpoints.size() + " of " + PATHS.size() + " endpoints: " + Files.readString(errors));
        }
        return new LoadResult(endpoints, cpuSeconds);
    }

    private static void require(boolean condition, String otherwise) {
        if (!condition) {
            throw new IllegalStateException(otherwise);
        }
    }
}
