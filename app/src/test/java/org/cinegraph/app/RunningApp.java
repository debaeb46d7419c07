package org.cinegraph.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The application started the way {@code java -jar} starts it, for tests that stop and start it again. */
final class RunningApp implements AutoCloseable {

    static final String ADMIN_PASSWORD = "restart-test-password";

    private final ConfigurableApplicationContext context;
    private final HttpClient client = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final int port;

    private RunningApp(ConfigurableApplicationContext context) {
        this.context = context;
        this.port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    /**
     * Starts the application with the given properties; its daily schedule, and the sweep of TMDb's export that
     * follows a range's completion, are off unless they set them.
     */
    static RunningApp start(String... properties) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--cinegraph.admin.password=" + ADMIN_PASSWORD));
        for (String property : properties) {
            args.add("--" + property);
        }
        if (Arrays.stream(properties).noneMatch(property -> property.startsWith("cinegraph.schedule.enabled="))) {
            args.add("--cinegraph.schedule.enabled=false");
        }
        // A test of something else must not see a sweep of TMDb's export start by itself once its range completes.
        if (Arrays.stream(properties).noneMatch(property -> property.startsWith("cinegraph.import.export-sweep="))) {
            args.add("--cinegraph.import.export-sweep=false");
        }
        return new RunningApp(new SpringApplicationBuilder(CinegraphApplication.class).run(args.toArray(String[]::new)));
    }

    /** The application's own database. */
    JdbcClient jdbc() {
        return JdbcClient.create(context.getBean(DataSource.class));
    }

    int port() {
        return port;
    }

    ConfigurableApplicationContext context() {
        return context;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> getAsAdmin(String path) throws IOException, InterruptedException {
        String credentials = Base64.getEncoder()
                .encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        return client.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Basic " + credentials).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> postAsAdmin(String path) throws IOException, InterruptedException {
        String credentials = Base64.getEncoder()
                .encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        return client.send(HttpRequest.newBuilder(uri(path))
                        .header("Authorization", "Basic " + credentials)
                        .POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    JsonNode json(HttpResponse<String> response) throws IOException {
        return json.readTree(response.body());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    @Override
    public void close() {
        context.close();
    }
}
