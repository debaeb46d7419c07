package org.cinegraph.app.bench;

import static org.cinegraph.app.bench.ReportText.mebibytes;
import static org.cinegraph.app.bench.ReportText.number;
import static org.cinegraph.app.bench.ReportText.row;
import static org.cinegraph.app.bench.ReportText.seconds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.cinegraph.command.export.CatalogueIds;
import org.cinegraph.command.export.ExportEntry;
import org.cinegraph.command.export.ExportIds;
import org.cinegraph.command.export.ExportScan;
import org.cinegraph.command.export.ExportSettings;
import org.cinegraph.command.export.TmdbExports;
import org.cinegraph.command.tmdb.TmdbLimits;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How fast TMDb's daily ID export is read and the ids a catalogue lacks are found, and that the memory it takes does
 * not grow with the file. An export of {@code lines} lines in TMDb's format ({@link GeneratedExport}) is served over
 * HTTP on loopback, so the real client, its gunzip and its parsing are measured, and read by {@link TmdbExports} into
 * {@link ExportIds} built on the catalogue's ids, which {@link CatalogueIds} reads from a ledger of a catalogue of
 * {@code lines / 1.1} movies (a million for 1.1 million lines) filled by SQL: most of the export's ids, a few ids it
 * does not list (removals), and not its highest ids (missing). Timed one after the other: the catalogue's ids read,
 * the export read, the missing ids counted, the removals found. Every count is checked against what was generated.
 * A benchmark, not a test: its name keeps it out of {@code mvn verify}; {@code bench/export [lines]} runs it and
 * {@code bench/run} runs it in a JVM of its own.
 *
 * <p>Memory is measured in a second reading of the same file, not timed: the heap in use after a full collection
 * before the read (the catalogue's ids loaded) and at each quarter of the file. What the read keeps is three bit sets
 * of TMDb's ids, well under a megabyte each; the file unzipped is about a hundred.
 */
class ExportBenchmark {

    static final double TARGET_LINES_PER_SECOND = 200_000;
    /** A catalogue of a million for an export of 1.1 million lines. */
    static final double LINES_PER_CATALOGUE_MOVIE = 1.1;
    /** Of a hundred ids the export lists, how many the catalogue holds. */
    private static final int HELD_PERCENT = 95;
    /** Of a hundred ids the export does not list, how many the catalogue holds: removed from TMDb since. */
    private static final int REMOVED_PERCENT = 3;
    /** The heap kept at the end may exceed that kept before by this much and still be flat: far below the file. */
    private static final long FLAT_MARGIN_BYTES = 32L << 20;
    /** Where the file server keeps the exports, as TMDb's does. */
    private static final String DIRECTORY = "/p/exports/";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * @param lines the export's lines ({@code bench.export.lines}, default 1,100,000: TMDb's export in 2026)
     * @param results where the report goes ({@code bench.results})
     */
    record Options(long lines, Path results) {

        static final long DEFAULT_LINES = 1_100_000;

        static Options fromSystemProperties() {
            return new Options(Long.getLong("bench.export.lines", DEFAULT_LINES),
                    Path.of(System.getProperty("bench.results", "../bench/results")));
        }

        long catalogue() {
            return Math.round(lines / LINES_PER_CATALOGUE_MOVIE);
        }
    }

    @Test
    void readTheExport() throws Exception {
        run(Options.fromSystemProperties());
    }

    /** Writes {@code export-latest.json} and {@code export-latest.md} to the results and returns the report. */
    static ObjectNode run(Options options) throws Exception {
        Progress progress = new Progress(options.results().resolve("export-progress.log"));
        ObjectNode report;
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Path file = Path.of("target", "bench-export", TmdbExports.fileName(today)).toAbsolutePath();
        try (BenchDataDir dataDir = BenchDataDir.create();
             BenchmarkApp app = BenchmarkApp.start(dataDir.path(), List.of("--cinegraph.schedule.enabled=false"))) {
            report = measure(app, options, today, file, progress);
        } finally {
            Files.deleteIfExists(file);
        }
        Files.createDirectories(options.results());
        JSON.writeValue(options.results().resolve("export-latest.json").toFile(), report);
        Files.writeString(options.results().resolve("export-latest.md"), "TMDb's export benchmark, "
                + report.path("measuredAt").asText() + ": `" + report.path("command").asText()
                + "`\n\n| measure | value |\n|---|---|\n" + markdown(report));
        progress.say("Export benchmark done: %,.0f lines/s", report.at("/read/linesPerSecond").asDouble());
        return report;
    }

    private static ObjectNode measure(BenchmarkApp app, Options options, LocalDate today, Path file,
                                      Progress progress) throws Exception {
        JdbcClient jdbc = JdbcClient.create(app.context().getBean(DataSource.class));
        CatalogueIds catalogueIds = app.context().getBean(CatalogueIds.class);
        ExportSettings settings = new ExportSettings(false, false);

        progress.say("Export: writing %,d lines in TMDb's format", options.lines());
        long start = System.nanoTime();
        GeneratedExport export = GeneratedExport.write(file, options.lines());
        double generateSeconds = since(start);
        progress.say("Export: %,d lines up to id %,d, %s gzipped (%s unzipped), in %.1f s; a catalogue of %,d "
                        + "movies by SQL", export.lines(), export.highestId(), mebibytes(export.compressedBytes()),
                mebibytes(export.uncompressedBytes()), generateSeconds, options.catalogue());
        start = System.nanoTime();
        long catalogue = fillCatalogue(jdbc, export.highestId(), options.catalogue());
        double fillSeconds = since(start);
        require(catalogue == options.catalogue(), "the catalogue has " + catalogue + " movies, not "
                + options.catalogue());
        Expected expected = expected(jdbc, export);

        HttpServer server = serve(file);
        try {
            // The importer's own client, with the timeouts and retries the application defaults to.
            TmdbExports exports = new TmdbExports(URI.create("http://127.0.0.1:" + server.getAddress().getPort()
                    + DIRECTORY), Duration.ofSeconds(5), Duration.ofSeconds(30),
                    new TmdbLimits(40, 20, 5, Duration.ofMillis(500), Duration.ofSeconds(30), 20));
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            System.gc();

            start = System.nanoTime();
            BitSet held = catalogueIds.withOutcome();
            double catalogueSeconds = since(start);

            List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
            heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
            progress.say("Export: reading it through the importer's client");
            start = System.nanoTime();
            ExportIds ids = settings.ids(held);
            ExportScan scan = exports.readNewest(today, ids);
            double readSeconds = since(start);
            long peakHeap = heapPools.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();

            start = System.nanoTime();
            long missing = ids.missingAfter(0).count();
            double missingSeconds = since(start);
            start = System.nanoTime();
            long removals = ids.removals(catalogueIds.removed()).cardinality();
            double removalsSeconds = since(start);
            progress.say("Export: %,d lines in %.2f s (%,.0f lines/s); %,d missing, %,d removals", scan.entriesRead(),
                    readSeconds, scan.entriesRead() / readSeconds, missing, removals);

            require(scan.exportDate().equals(today) && scan.entriesRead() == export.lines() && scan.malformed() == 0,
                    "the export was read as " + scan);
            require(held.equals(expected.held()), "CatalogueIds read other ids than the ledger holds");
            require(ids.listed() == expected.listed() && ids.counted() == expected.counted(), "the export lists "
                    + ids.listed() + " and counts " + ids.counted() + ", not " + expected.listed() + " and "
                    + expected.counted());
            require(missing == expected.missing() && ids.missing() == missing, missing + " missing ids, not "
                    + expected.missing());
            require(removals == expected.removals(), removals + " removals, not " + expected.removals());

            Map<String, Long> heapAfterCollection = heapThroughASecondRead(exports, today, settings, held,
                    export.lines(), memory);
            ObjectNode report = JSON.createObjectNode();
            report.put("command", "bench/export " + options.lines());
            report.put("measuredAt", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
            report.put("targetLinesPerSecond", TARGET_LINES_PER_SECOND);
            ObjectNode generated = report.putObject("export");
            generated.put("lines", export.lines());
            generated.put("highestId", export.highestId());
            generated.put("compressedBytes", export.compressedBytes());
            generated.put("uncompressedBytes", export.uncompressedBytes());
            generated.put("generateSeconds", generateSeconds);
            ObjectNode catalogued = report.putObject("catalogue");
            catalogued.put("movies", catalogue);
            catalogued.put("fillSeconds", fillSeconds);
            catalogued.put("readSeconds", catalogueSeconds);
            catalogued.put("idsPerSecond", catalogue / catalogueSeconds);
            ObjectNode read = report.putObject("read");
            read.put("lines", scan.entriesRead());
            read.put("seconds", readSeconds);
            read.put("linesPerSecond", scan.entriesRead() / readSeconds);
            read.put("compressedMegabytesPerSecond", export.compressedBytes() / 1e6 / readSeconds);
            read.put("listed", ids.listed());
            read.put("counted", ids.counted());
            read.put("meetsTarget", scan.entriesRead() / readSeconds >= TARGET_LINES_PER_SECOND);
            ObjectNode found = report.putObject("found");
            found.put("missing", missing);
            found.put("missingSeconds", missingSeconds);
            found.put("removals", removals);
            found.put("removalsSeconds", removalsSeconds);
            found.put("allSeconds", catalogueSeconds + readSeconds + missingSeconds + removalsSeconds);
            ObjectNode heap = report.putObject("memory");
            heap.put("how", "heap in use after System.gc(), before a second, untimed read of the file (the "
                    + "catalogue's ids loaded) and at each quarter of its lines; the peak is the sum of the heap "
                    + "pools' peaks during the timed read, garbage included");
            ObjectNode quarters = heap.putObject("heapAfterCollectionBytes");
            heapAfterCollection.forEach(quarters::put);
            heap.put("peakHeapUsedBytes", peakHeap);
            heap.put("bitSetBytes", held.size() / 8 + 2 * bitSetBytes(export.highestId()));
            long before = heapAfterCollection.get("0%");
            long after = heapAfterCollection.get("100%");
            heap.put("grows", after - before > FLAT_MARGIN_BYTES);
            report.set("machine", JSON.valueToTree(MachineFacts.of(jdbc,
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage())));
            return report;
        } finally {
            server.stop(0);
        }
    }

    /**
     * The catalogue in {@code import_ledger_outcome}, by SQL: of the ids up to the export's highest, most of those it
     * lists and a few it does not, the lowest {@code movies} of them, so its highest ids are missing.
     */
    private static long fillCatalogue(JdbcClient jdbc, int highestId, long movies) {
        String held = GeneratedExport.bucketSql("i", 2246822519L);
        jdbc.sql("INSERT INTO import_ledger_outcome (tmdb_id, year, outcome, attempts, recorded_at, source)"
                + " SELECT i, 1874 + i % 153, (ARRAY['imported', 'imported', 'skipped', 'imported', 'failed'])"
                + "[1 + i % 5], 1, now(), 'year_import'"
                + " FROM generate_series(1::bigint, :highest) AS i"
                + " WHERE (" + GeneratedExport.LISTED_SQL + " AND " + held + " < " + HELD_PERCENT + ")"
                + " OR (NOT " + GeneratedExport.LISTED_SQL + " AND " + held + " < " + REMOVED_PERCENT + ")"
                + " ORDER BY i LIMIT :movies")
                .param("highest", (long) highestId).param("movies", movies).update();
        jdbc.sql("VACUUM (ANALYZE) import_ledger_outcome").update();
        return jdbc.sql("SELECT count(*) FROM import_ledger_outcome").query(Long.class).single();
    }

    /** What the benchmark must find, from the generated ids and the ledger read with plain JDBC, not timed. */
    private record Expected(BitSet held, long listed, long counted, long missing, long removals) {
    }

    private static Expected expected(JdbcClient jdbc, GeneratedExport export) {
        BitSet held = new BitSet();
        jdbc.sql("SELECT tmdb_id FROM import_ledger_outcome")
                .query((RowCallbackHandler) row -> held.set(row.getInt(1)));
        BitSet counted = (BitSet) export.plainIds().clone();
        counted.or(intersection(held, export.listedIds()));
        BitSet missing = (BitSet) counted.clone();
        missing.andNot(held);
        BitSet removals = (BitSet) held.clone();
        removals.andNot(export.listedIds());
        return new Expected(held, export.listedIds().cardinality(), counted.cardinality(), missing.cardinality(),
                removals.cardinality());
    }

    private static BitSet intersection(BitSet one, BitSet other) {
        BitSet both = (BitSet) one.clone();
        both.and(other);
        return both;
    }

    /**
     * The heap kept after a full collection, before a read of the file and at each quarter of its lines: whether what
     * a read keeps grows with the file.
     */
    private static Map<String, Long> heapThroughASecondRead(TmdbExports exports, LocalDate today,
                                                            ExportSettings settings, BitSet held, long lines,
                                                            MemoryMXBean memory) {
        Map<String, Long> kept = new LinkedHashMap<>();
        ExportIds ids = settings.ids(held);
        System.gc();
        kept.put("0%", memory.getHeapMemoryUsage().getUsed());
        Consumer<ExportEntry> sampling = new Consumer<>() {
            private long read;
            private int quarter = 1;

            @Override
            public void accept(ExportEntry entry) {
                ids.accept(entry);
                read++;
                if (quarter <= 4 && read >= lines * quarter / 4) {
                    System.gc();
                    kept.put(quarter * 25 + "%", memory.getHeapMemoryUsage().getUsed());
                    quarter++;
                }
            }
        };
        exports.read(today, sampling);
        require(ids.listed() > 0 && kept.size() == 5, "the second read measured " + kept.keySet());
        return kept;
    }

    /** A bit set of ids up to {@code highestId}: a bit each, in words of 64. */
    private static long bitSetBytes(int highestId) {
        return ((long) (highestId >> 6) + 1) * Long.BYTES;
    }

    /** The file served as TMDb's file server serves it: whole, with its length, at its name. */
    private static HttpServer serve(Path file) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(DIRECTORY, exchange -> {
            if (!exchange.getRequestURI().getPath().equals(DIRECTORY + file.getFileName())) {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            exchange.getResponseHeaders().add("Content-Type", "application/octet-stream");
            exchange.sendResponseHeaders(200, Files.size(file));
            Files.copy(file, exchange.getResponseBody());
            exchange.close();
        });
        server.start();
        return server;
    }

    static String markdown(JsonNode report) {
        StringBuilder table = new StringBuilder();
        JsonNode read = report.path("read");
        JsonNode export = report.path("export");
        JsonNode found = report.path("found");
        JsonNode catalogue = report.path("catalogue");
        row(table, "**TMDb's export read**, gzip over HTTP on loopback, by the importer's client into bit sets",
                String.format(Locale.ROOT, "**%,.0f lines/s** (target %,.0f: %s); %s lines in %s, %.1f MB/s "
                                + "gzipped", read.path("linesPerSecond").asDouble(), TARGET_LINES_PER_SECOND,
                        read.path("meetsTarget").asBoolean() ? "met" : "not met", number(read.path("lines").asLong()),
                        seconds(read.path("seconds").asDouble()),
                        read.path("compressedMegabytesPerSecond").asDouble()));
        row(table, "the export", number(export.path("lines").asLong()) + " lines, ids up to "
                + number(export.path("highestId").asLong()) + ", " + mebibytes(export.path("compressedBytes").asLong())
                + " gzipped, " + mebibytes(export.path("uncompressedBytes").asLong()) + " unzipped; "
                + number(read.path("listed").asLong()) + " ids listed, " + number(read.path("counted").asLong())
                + " counted (adult and video entries left out)");
        row(table, "the catalogue's ids read from the ledger", number(catalogue.path("movies").asLong()) + " in "
                + seconds(catalogue.path("readSeconds").asDouble()) + String.format(Locale.ROOT, " (%,.0f ids/s)",
                catalogue.path("idsPerSecond").asDouble()));
        row(table, "the ids missing from the catalogue, counted", number(found.path("missing").asLong()) + " in "
                + String.format(Locale.ROOT, "%.3f s", found.path("missingSeconds").asDouble()));
        row(table, "the removals found (held, no longer listed)", number(found.path("removals").asLong()) + " in "
                + String.format(Locale.ROOT, "%.3f s", found.path("removalsSeconds").asDouble()));
        row(table, "catalogue read, export read and both found, in all", seconds(found.path("allSeconds").asDouble()));
        row(table, "heap kept after a full collection, before the read and at each quarter of it", heapAfterCollection(
                report.path("memory")) + " (the bit sets: " + number(report.at("/memory/bitSetBytes").asLong() >> 10)
                + " KiB); " + (report.at("/memory/grows").asBoolean() ? "**grows**" : "flat"));
        row(table, "heap's peak during the timed read (the heap pools' peaks, garbage included)",
                mebibytes(report.at("/memory/peakHeapUsedBytes").asLong()));
        JsonNode machine = report.path("machine");
        row(table, "machine", machine.path("cores").asInt() + " cores, " + machine.path("cpu").asText() + ", "
                + machine.path("jdk").asText() + String.format(Locale.ROOT, "; load average %.2f",
                machine.path("loadAverage").asDouble()));
        return table.toString();
    }

    /** {@code 0%: 80 MiB, 25%: 81 MiB, ...}, of the report's {@code memory}. */
    static String heapAfterCollection(JsonNode memory) {
        StringBuilder heap = new StringBuilder();
        memory.path("heapAfterCollectionBytes").fields().forEachRemaining(quarter -> heap
                .append(heap.isEmpty() ? "" : ", ").append(quarter.getKey()).append(": ")
                .append(mebibytes(quarter.getValue().asLong())));
        return heap.toString();
    }

    private static double since(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static void require(boolean condition, String otherwise) {
        if (!condition) {
            throw new IllegalStateException("Export benchmark: " + otherwise);
        }
    }
}
