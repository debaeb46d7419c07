package org.cinegraph.app.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.cinegraph.app.CinegraphApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application as {@code java -jar} starts it, in sandbox mode, on an embedded PostgreSQL of its own, with
 * an HTTP client that speaks to it as an operator would.
 */
final class BenchmarkApp implements AutoCloseable {

    static final String ADMIN_PASSWORD = "bench-admin-password";

    private final ConfigurableApplicationContext context;
    private final Path dataDir;
    private final HttpClient client = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final String adminCredentials = "Basic " + Base64.getEncoder()
            .encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
    private final int port;

    private BenchmarkApp(ConfigurableApplicationContext context, Path dataDir) {
        this.context = context;
        this.dataDir = dataDir;
        this.port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    /**
     * Sandbox mode is forced so that TMDb credentials in the environment never reach TMDb; nothing imports
     * until asked to, and the benchmark never asks.
     */
    static BenchmarkApp start(Path dataDir) {
        return start(dataDir, List.of());
    }

    /** @param arguments more of the application's arguments, {@code --name=value}, the sandbox's catalogue say */
    static BenchmarkApp start(Path dataDir, List<String> arguments) {
        List<String> all = new ArrayList<>(List.of(
                "--server.port=0",
                "--cinegraph.data-dir=" + dataDir,
                "--cinegraph.admin.password=" + ADMIN_PASSWORD,
                "--cinegraph.sandbox.enabled=true",
                // A sweep of TMDb's export following the range's completion is no part of any figure measured here.
                "--cinegraph.import.export-sweep=false"));
        all.addAll(arguments);
        return new BenchmarkApp(new SpringApplicationBuilder(CinegraphApplication.class).run(
                all.toArray(String[]::new)), dataDir);
    }

    int port() {
        return port;
    }

    ConfigurableApplicationContext context() {
        return context;
    }

    Path dataDir() {
        return dataDir;
    }

    JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return json.readTree(response.body());
    }

    HttpResponse<String> postAsAdmin(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri(path))
                        .header("Authorization", adminCredentials)
                        .POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    @Override
    public void close() {
        context.close();
    }
}
