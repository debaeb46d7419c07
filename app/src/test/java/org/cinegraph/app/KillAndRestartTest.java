package org.cinegraph.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded database survives its application being killed, and is never taken from an application that
 * still runs.
 */
class KillAndRestartTest {

    private static final Pattern STARTED_ON_PORT = Pattern.compile("Tomcat started on port (\\d+)");

    @TempDir
    Path dataDir;

    @Test
    void anApplicationKilledWithSigkillLeavesNothingThatStopsTheNextStart() throws Exception {
        Process killed = startInChildJvm();
        String startedAt;
        try {
            int port = awaitPort(killed);
            assertThat(postAsAdmin(port, "/api/admin/imports/years/2018")).isEqualTo(202);
            await().atMost(Duration.ofSeconds(20)).until(() -> get(port, "/api/import/years/2018") == 200);
            startedAt = startedAt(port, 2018);
        } finally {
            killed.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(orphanedPostmaster()).as("the killed JVM's PostgreSQL server outlives it").isTrue();

        try (RunningApp restarted = RunningApp.start("cinegraph.data-dir=" + dataDir)) {
            assertThat(restarted.json(restarted.get("/api/import/years/2018")).get("startedAt").asText())
                    .isEqualTo(startedAt);
        }
    }

    @Test
    void aSecondInstanceOnTheSameDataDirectoryIsRefusedAndTheFirstKeepsItsDatabase() throws Exception {
        try (RunningApp first = RunningApp.start("cinegraph.data-dir=" + dataDir)) {

            assertThatThrownBy(() -> RunningApp.start("cinegraph.data-dir=" + dataDir).close())
                    .rootCause().hasMessageContaining("Another running Cinegraph instance uses the data directory");

            assertThat(first.postAsAdmin("/api/admin/imports/years/2017").statusCode()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(20)).until(() -> first.get("/api/import/years/2017").statusCode() == 200);
        }
    }

    private Process startInChildJvm() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                CinegraphApplication.class.getName(),
                "--server.port=0", "--cinegraph.data-dir=" + dataDir,
                "--cinegraph.admin.password=" + RunningApp.ADMIN_PASSWORD)
                .redirectErrorStream(true)
                .start();
    }

    /** Reads the child's log until it says its port, then keeps draining it so the child never blocks. */
    private static int awaitPort(Process child) throws Exception {
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    Matcher matcher = STARTED_ON_PORT.matcher(line);
                    if (matcher.find()) {
                        port.complete(Integer.parseInt(matcher.group(1)));
                    }
                }
                port.completeExceptionally(new IllegalStateException("the child application ended before it started"));
            } catch (IOException e) {
                port.completeExceptionally(e);
            }
        }, "child-app-log");
        reader.setDaemon(true);
        reader.start();
        return port.get(120, TimeUnit.SECONDS);
    }

    private boolean orphanedPostmaster() throws IOException {
        Path pidFile = dataDir.resolve("postgres/postmaster.pid");
        if (!Files.exists(pidFile)) {
            return false;
        }
        long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static String startedAt(int port, int year) throws IOException, InterruptedException {
        String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/import/years/" + year)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return new ObjectMapper().readTree(body).get("startedAt").asText();
    }

    private static int get(int port, String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static int postAsAdmin(int port, String path) throws IOException, InterruptedException {
        String credentials = Base64.getEncoder()
                .encodeToString(("admin:" + RunningApp.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + credentials)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
