package org.cinegraph.command.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;
import org.cinegraph.command.tmdb.TmdbLimits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * TMDb's daily ID export read from a file server on loopback that serves files in TMDb's own format, gzipped, and
 * fails the ways a file server can: no file yet, a 5xx, a file cut short, a connection lost or stalled mid-body.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TmdbExportsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 7);
    private static final String PATH = "/p/exports/";
    private static final int ATTEMPTS = 3;
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(5);

    /** Lines as TMDb writes them: adult and video entries, titles in other scripts, quotes and escapes. */
    private static final List<String> REAL_LINES = List.of(
            "{\"adult\":false,\"id\":3924,\"original_title\":\"Blondie\",\"popularity\":2.4,\"video\":false}",
            "{\"adult\":true,\"id\":3925,\"original_title\":\"Nackt unter Wölfen\",\"popularity\":0.6,\"video\":false}",
            "{\"adult\":false,\"id\":3926,\"original_title\":\"千と千尋の神隠し\",\"popularity\":78.235,\"video\":false}",
            "{\"adult\":false,\"id\":3927,\"original_title\":\"The \\\"Quoted\\\" One\",\"popularity\":1.4,"
                    + "\"video\":true}",
            "{\"adult\":false,\"id\":3928,\"original_title\":\"Back\\\\slash \\/ and \\u00e9scaped\\ttab\","
                    + "\"popularity\":0,\"video\":false}",
            "{\"adult\":true,\"id\":1204561,\"original_title\":\"Ünïcødé 🎬 ~ {braces} [brackets], \\\"x\\\":1\","
                    + "\"popularity\":0.001,\"video\":true}",
            "{\"adult\":false,\"id\":50000000,\"original_title\":\"\",\"popularity\":1.0E-4,\"video\":false}");
    private static final List<ExportEntry> REAL_ENTRIES = List.of(
            new ExportEntry(3924, false, false, "Blondie"),
            new ExportEntry(3925, true, false, "Nackt unter Wölfen"),
            new ExportEntry(3926, false, false, "千と千尋の神隠し"),
            new ExportEntry(3927, false, true, "The \"Quoted\" One"),
            new ExportEntry(3928, false, false, "Back\\slash / and éscaped\ttab"),
            new ExportEntry(1204561, true, true, "Ünïcødé 🎬 ~ {braces} [brackets], \"x\":1"),
            new ExportEntry(ExportEntry.MAX_TMDB_ID, false, false, ""));

    private HttpServer server;
    private ExecutorService serverThreads;
    private final CountDownLatch stopping = new CountDownLatch(1);
    private final Map<String, Deque<Answer>> answers = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    /** One answer of the file server; the last one given for a file is repeated. */
    private interface Answer {
        void send(HttpExchange exchange) throws IOException;
    }

    private record Request(String file, String query, Map<String, List<String>> headers) {
    }

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        // A stalled answer must not hold up the others.
        serverThreads = Executors.newCachedThreadPool();
        server.setExecutor(serverThreads);
        server.createContext(PATH, exchange -> {
            String file = exchange.getRequestURI().getPath().substring(PATH.length());
            requests.add(new Request(file, exchange.getRequestURI().getRawQuery(),
                    Map.copyOf(exchange.getRequestHeaders())));
            Deque<Answer> queued = answers.get(file);
            Answer answer = queued == null ? status(404) : queued.size() > 1 ? queued.poll() : queued.peek();
            try {
                answer.send(exchange);
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        stopping.countDown();
        server.stop(0);
        serverThreads.shutdownNow();
    }

    // ---------------------------------------------------------------- reading

    @Test
    void everyEntryOfAFileInTmdbsFormatIsReadWithItsFields() {
        List<String> lines = new ArrayList<>(REAL_LINES);
        List<ExportEntry> expected = new ArrayList<>(REAL_ENTRIES);
        for (int id = 10_000; id < 40_000; id += 3) {
            boolean adult = id % 7 == 0;
            boolean video = id % 11 == 0;
            lines.add(line(id, adult, video, "Film n°" + id));
            expected.add(new ExportEntry(id, adult, video, "Film n°" + id));
        }
        serve(TODAY, file(gzip(lines)));
        List<ExportEntry> read = new ArrayList<>();

        ExportScan scan = exports().read(TODAY, read::add);

        assertThat(read).containsExactlyElementsOf(expected);
        assertThat(scan).isEqualTo(new ExportScan(TODAY, lines.size(), 0, List.of(), null));
        assertThat(requests).extracting(Request::file).containsExactly("movie_ids_03_07_2026.json.gz");
    }

    @Test
    void aFileOfSeveralGzipMembersIsReadToItsLastMember() {
        List<String> first = REAL_LINES.subList(0, 3);
        List<String> second = REAL_LINES.subList(3, REAL_LINES.size());
        // The first member is sent, then, a moment later, the second: the boundary falls between two pieces of
        // the body, where Java 17's gzip reader stops unless told more is coming.
        serve(TODAY, exchange -> {
            exchange.sendResponseHeaders(200, 0);
            OutputStream body = exchange.getResponseBody();
            body.write(gzip(first));
            body.flush();
            sleep(200);
            body.write(gzip(second));
        });
        List<ExportEntry> read = new ArrayList<>();

        ExportScan scan = exports().read(TODAY, read::add);

        assertThat(read).containsExactlyElementsOf(REAL_ENTRIES);
        assertThat(scan.entriesRead()).isEqualTo(REAL_LINES.size());
    }

    @Test
    void malformedLinesAreCountedAndSkippedWithTheirNumbers() {
        List<String> lines = List.of(
                line(1, false, false, "one"),
                "{\"id\":",
                "not json",
                "{\"id\":-4}",
                "{\"id\":\"x\"}",
                "{\"adult\":false}",
                line(7, false, false, "seven"),
                "{\"id\":0}",
                "",
                "{\"id\":50000001}",
                "{\"id\":1.5}",
                "[{\"id\":12}]",
                "{\"id\":13} {\"id\":14}",
                "{\"id\":14,\"original_title\":null,\"adult\":null}",
                "   ",
                "");
        serve(TODAY, file(gzip(lines)));
        List<ExportEntry> read = new ArrayList<>();

        ExportScan scan = exports().read(TODAY, read::add);

        assertThat(read).containsExactly(new ExportEntry(1, false, false, "one"),
                new ExportEntry(7, false, false, "seven"), new ExportEntry(14, false, false, null));
        // Lines 15 and 16 are blank and last: the file's end, not entries. Line 9, blank in the middle, is not.
        assertThat(scan.entriesRead()).isEqualTo(14);
        assertThat(scan.malformed()).isEqualTo(11);
        assertThat(scan.malformedLines()).containsExactly(2L, 3L, 4L, 5L, 6L, 8L, 9L, 10L, 11L, 12L);
    }

    @Test
    void aWholeFileIsReadWhateverItsLastLineEndsWith() {
        serve(TODAY, file(gzip(List.of(line(1, false, false, "a"), line(2, true, true, "b") + "\r"), "")));
        List<ExportEntry> read = new ArrayList<>();

        ExportScan scan = exports().read(TODAY, read::add);

        assertThat(read).extracting(ExportEntry::tmdbId).containsExactly(1, 2);
        assertThat(scan).isEqualTo(new ExportScan(TODAY, 2, 0, List.of(), null));
    }

    // ---------------------------------------------------------------- which day

    @Test
    void withoutTodaysExportYesterdaysIsRead() {
        serve(TODAY.minusDays(1), file(gzip(REAL_LINES)));
        List<ExportEntry> read = new ArrayList<>();

        ExportScan scan = exports().readNewest(TODAY, read::add);

        assertThat(scan.exportDate()).isEqualTo(TODAY.minusDays(1));
        assertThat(read).containsExactlyElementsOf(REAL_ENTRIES);
        assertThat(requests).extracting(Request::file)
                .containsExactly("movie_ids_03_07_2026.json.gz", "movie_ids_03_06_2026.json.gz");
    }

    @Test
    void aWeekWithoutAnyExportIsNotFoundAfterEightDays() {
        serve(TODAY.minusDays(8), file(gzip(REAL_LINES)));
        List<ExportEntry> read = new ArrayList<>();

        assertThatThrownBy(() -> exports().readNewest(TODAY, read::add))
                .isInstanceOf(ExportNotFoundException.class)
                .hasMessageContaining("2026-02-28").hasMessageContaining("2026-03-07");
        assertThat(read).isEmpty();
        assertThat(requests).extracting(Request::file).containsExactly(
                "movie_ids_03_07_2026.json.gz", "movie_ids_03_06_2026.json.gz", "movie_ids_03_05_2026.json.gz",
                "movie_ids_03_04_2026.json.gz", "movie_ids_03_03_2026.json.gz", "movie_ids_03_02_2026.json.gz",
                "movie_ids_03_01_2026.json.gz", "movie_ids_02_28_2026.json.gz");
    }

    @Test
    void aServerErrorIsRetriedAndTheFileThenRead() {
        serve(TODAY, status(503), status(500), file(gzip(REAL_LINES)));
        List<ExportEntry> read = new ArrayList<>();

        ExportScan scan = exports().readNewest(TODAY, read::add);

        assertThat(read).containsExactlyElementsOf(REAL_ENTRIES);
        assertThat(scan.exportDate()).isEqualTo(TODAY);
        assertThat(requests).hasSize(3);
    }

    @Test
    void aServerFailingEveryAttemptIsUnreadableAndNoReasonToTryTheDayBefore() {
        serve(TODAY, status(502));
        serve(TODAY.minusDays(1), file(gzip(REAL_LINES)));

        assertThatThrownBy(() -> exports().readNewest(TODAY, entry -> { }))
                .isInstanceOf(ExportUnreadableException.class)
                .hasMessageContaining("HTTP 502").hasMessageContaining(ATTEMPTS + " attempts");
        assertThat(requests).extracting(Request::file).containsOnly("movie_ids_03_07_2026.json.gz")
                .hasSize(ATTEMPTS);
    }

    @Test
    void aRefusalIsFinalAndNotRetried() {
        serve(TODAY, status(403));
        serve(TODAY.minusDays(1), file(gzip(REAL_LINES)));

        assertThatThrownBy(() -> exports().readNewest(TODAY, entry -> { }))
                .isInstanceOf(ExportUnreadableException.class).hasMessageContaining("HTTP 403");
        assertThat(requests).hasSize(1);
    }

    // ---------------------------------------------------------------- files not read whole

    @Test
    void aFileCutShortIsUnreadableThoughTheEntriesBeforeTheCutWereGiven() {
        List<String> lines = new ArrayList<>();
        for (int id = 1; id <= 20_000; id++) {
            lines.add(line(id, false, false, "Film " + id));
        }
        byte[] whole = gzip(lines);
        serve(TODAY, file(Arrays.copyOf(whole, whole.length / 2)));
        List<ExportEntry> read = new ArrayList<>();

        Throwable thrown = catchThrowable(() -> exports().read(TODAY, read::add));

        // The caller saw part of the file, and learns from the exception that it was not the whole.
        assertThat(thrown).isInstanceOf(ExportUnreadableException.class).hasRootCauseInstanceOf(EOFException.class);
        assertThat(read).isNotEmpty().hasSizeLessThan(lines.size());
    }

    @Test
    void aConnectionLostMidBodyIsUnreadable() {
        byte[] whole = gzip(REAL_LINES);
        // The length promised is the whole file's; the server closes the connection halfway.
        serve(TODAY, exchange -> {
            exchange.sendResponseHeaders(200, whole.length);
            exchange.getResponseBody().write(whole, 0, whole.length / 2);
            exchange.getResponseBody().flush();
        });

        assertThatThrownBy(() -> exports().read(TODAY, entry -> { }))
                .isInstanceOf(ExportUnreadableException.class).hasCauseInstanceOf(IOException.class);
        assertThat(requests).as("not retried once the body began").hasSize(1);
    }

    @Test
    void aServerThatStopsSendingIsUnreadableAfterTheReadTimeout() {
        byte[] whole = gzip(REAL_LINES);
        serve(TODAY, stalling(whole));
        TmdbExports exports = new TmdbExports(baseUrl(), Duration.ofSeconds(2), Duration.ofMillis(500), limits());
        long start = System.nanoTime();

        assertThatThrownBy(() -> exports.read(TODAY, entry -> { }))
                .isInstanceOf(ExportUnreadableException.class).hasRootCauseInstanceOf(HttpTimeoutException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void anInterruptedReadStopsAtOnceAndKeepsTheInterrupt() throws Exception {
        serve(TODAY, stalling(gzip(REAL_LINES)));
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicReference<Boolean> stillInterrupted = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            thrown.set(catchThrowable(() -> exports().read(TODAY, entry -> { })));
            stillInterrupted.set(Thread.currentThread().isInterrupted());
        });
        reader.start();
        while (requests.isEmpty()) {
            Thread.sleep(10);
        }
        Thread.sleep(200);
        long interrupted = System.nanoTime();

        reader.interrupt();
        reader.join(READ_TIMEOUT.toMillis());

        assertThat(reader.isAlive()).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - interrupted)).isLessThan(READ_TIMEOUT.dividedBy(2));
        assertThat(thrown.get()).isInstanceOf(ExportUnreadableException.class);
        assertThat(stillInterrupted.get()).isTrue();
    }

    @Test
    void aFileThatIsNotGzipIsUnreadable() {
        serve(TODAY, file(String.join("\n", REAL_LINES).getBytes(StandardCharsets.UTF_8)));

        assertThatThrownBy(() -> exports().read(TODAY, entry -> { }))
                .isInstanceOf(ExportUnreadableException.class).hasRootCauseInstanceOf(ZipException.class);
    }

    @Test
    void aConnectionLostBetweenTwoGzipMembersIsUnreadable() {
        byte[] first = gzip(REAL_LINES.subList(0, 3));
        byte[] second = gzip(REAL_LINES.subList(3, REAL_LINES.size()));
        // The first member is whole, so the gzip reader sees a file that may end there; it looks for a second
        // member, meets the lost connection instead, and passes over it as the end.
        serve(TODAY, exchange -> {
            exchange.sendResponseHeaders(200, first.length + second.length);
            exchange.getResponseBody().write(first);
            exchange.getResponseBody().flush();
            sleep(200);
        });
        List<ExportEntry> read = new ArrayList<>();

        assertThatThrownBy(() -> exports().read(TODAY, read::add))
                .isInstanceOf(ExportUnreadableException.class).hasCauseInstanceOf(IOException.class);
        assertThat(read).containsExactlyElementsOf(REAL_ENTRIES.subList(0, 3));
    }

    @Test
    void theFileServerIsAskedWithoutCredentialsOrQuery() {
        serve(TODAY, file(gzip(REAL_LINES)));

        exports().read(TODAY, entry -> { });

        assertThat(requests).singleElement().satisfies(request -> {
            assertThat(request.query()).isNull();
            assertThat(request.headers().keySet()).map(String::toLowerCase).doesNotContain("authorization");
        });
    }

    // ---------------------------------------------------------------- the file server

    private TmdbExports exports() {
        return new TmdbExports(baseUrl(), Duration.ofSeconds(2), READ_TIMEOUT, limits());
    }

    private URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + PATH);
    }

    private static TmdbLimits limits() {
        return new TmdbLimits(40, 4, ATTEMPTS, Duration.ofMillis(10), Duration.ofMillis(50), 3);
    }

    private void serve(LocalDate day, Answer... inTurn) {
        answers.put(TmdbExports.fileName(day), new ArrayDeque<>(List.of(inTurn)));
    }

    private static Answer file(byte[] bytes) {
        return exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/octet-stream");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
        };
    }

    private static Answer status(int status) {
        return exchange -> {
            byte[] body = "<html>no</html>".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
        };
    }

    /** Half the file, then nothing until the test ends. */
    private Answer stalling(byte[] bytes) {
        return exchange -> {
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes, 0, bytes.length / 2);
            exchange.getResponseBody().flush();
            try {
                stopping.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** An entry's line exactly as TMDb writes it. */
    private static String line(int id, boolean adult, boolean video, String title) {
        return "{\"adult\":" + adult + ",\"id\":" + id + ",\"original_title\":\"" + title + "\",\"popularity\":"
                + (id % 1000) / 10.0 + ",\"video\":" + video + "}";
    }

    private static byte[] gzip(List<String> lines) {
        return gzip(lines, "\n");
    }

    private static byte[] gzip(List<String> lines, String last) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write((String.join("\n", lines) + last).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }
}
