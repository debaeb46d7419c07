package org.cinegraph.app.tmdb;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPOutputStream;
import org.cinegraph.command.export.ExportEntry;
import org.cinegraph.command.export.ExportFiles;
import org.cinegraph.command.export.ExportScan;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.web.client.RestClient;

/**
 * The exports as the application wires them for a node with TMDb credentials: from the configured file server, and
 * with neither the token nor the key, whatever the API client is given.
 */
class TmdbExportsConfigurationTest {

    private static final String TOKEN = "exports-test-v4-token-0c41d7";
    private static final String KEY = "exports-test-v3-key-93be55";
    private static final LocalDate DAY = LocalDate.of(2026, 3, 7);

    private final ApplicationContextRunner application = new ApplicationContextRunner()
            .withInitializer(new ConfigDataApplicationContextInitializer())
            .withUserConfiguration(TmdbConfiguration.class)
            .withBean(Clock.class, Clock::systemUTC)
            .withBean(RestClient.Builder.class, RestClient::builder)
            .withBean(SimpleMeterRegistry.class);
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private HttpServer server;

    @BeforeEach
    void startFileServer() throws IOException {
        byte[] file = gzip("{\"adult\":false,\"id\":3924,\"original_title\":\"Blondie\",\"popularity\":2.4,"
                + "\"video\":false}\n");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/p/exports/", exchange -> {
            StringBuilder request = new StringBuilder(exchange.getRequestURI().toString());
            for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
                request.append('\n').append(header.getKey()).append(": ").append(header.getValue());
            }
            requests.add(request.toString());
            exchange.sendResponseHeaders(200, file.length);
            exchange.getResponseBody().write(file);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopFileServer() {
        server.stop(0);
    }

    @Test
    void theExportsComeFromTheConfiguredServerWithoutTmdbsCredentials() {
        application.withPropertyValues(
                "cinegraph.sandbox.enabled=false",
                "cinegraph.tmdb.api-token=" + TOKEN,
                "cinegraph.tmdb.api-key=" + KEY,
                "cinegraph.tmdb.exports-base-url=http://127.0.0.1:" + server.getAddress().getPort() + "/p/exports"
        ).run(context -> {
            List<ExportEntry> read = new ArrayList<>();

            ExportScan scan = context.getBean(ExportFiles.class).read(DAY, read::add);

            assertThat(read).containsExactly(new ExportEntry(3924, false, false, "Blondie"));
            assertThat(scan.entriesRead()).isEqualTo(1);
        });

        assertThat(requests).singleElement().satisfies(request -> assertThat(request)
                .startsWith("/p/exports/movie_ids_03_07_2026.json.gz\n")
                .doesNotContain(TOKEN).doesNotContain(KEY).doesNotContainIgnoringCase("authorization")
                .doesNotContain("api_key"));
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }
}
