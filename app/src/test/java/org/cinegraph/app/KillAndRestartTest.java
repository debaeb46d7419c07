package org.cinegraph.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded database survives its application being killed, and is never taken from an application that
 * still runs.
 */
class KillAndRestartTest {

    @TempDir
    Path dataDir;

    @Test
    void anApplicationKilledWithSigkillLeavesNothingThatStopsTheNextStart() throws Exception {
        String startedAt;
        try (ChildApp killed = ChildApp.start(Path.of("target", "kill-and-restart", "killed.log"),
                "cinegraph.data-dir=" + dataDir)) {
            int port = killed.port();
            assertThat(postAsAdmin(port, "/api/admin/imports/years/2018")).isEqualTo(202);
            await().atMost(Duration.ofSeconds(20)).until(() -> get(port, "/api/import/years/2018") == 200);
            startedAt = startedAt(port, 2018);
            killed.kill();
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
