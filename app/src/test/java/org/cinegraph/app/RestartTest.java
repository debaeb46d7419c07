package org.cinegraph.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Year;
import java.time.ZoneOffset;
import org.cinegraph.sandbox.TmdbSandboxServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The embedded database lives in the data directory: what was recorded before a restart is there after it, a
 * running import resumes, and only the application can reach the database.
 */
@ExtendWith(OutputCaptureExtension.class)
class RestartTest {

    @TempDir
    Path dataDir;

    @Test
    void aYearStartedBeforeARestartIsResumedAfterItAndCompletesExactly(CapturedOutput output) throws Exception {
        int year = Year.now(ZoneOffset.UTC).getValue() - 4;
        String startedAt;
        try (RunningApp first = RunningApp.start("cinegraph.data-dir=" + dataDir)) {
            assertOnlyTheOwnerCanConnect(first);
            // TMDb fails while the first run is up: the year is started but cannot get anywhere.
            first.context().getBean(TmdbSandboxServer.class).faults().failAlways(503);
            assertThat(first.postAsAdmin("/api/admin/imports/years/" + year).statusCode()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(20)).until(() -> first.get("/api/import/years/" + year).statusCode() == 200);
            JsonNode running = first.json(first.get("/api/import/years/" + year));
            assertThat(running.get("status").asText()).isEqualTo("importing");
            startedAt = running.get("startedAt").asText();
        }

        try (RunningApp second = RunningApp.start("cinegraph.data-dir=" + dataDir)) {
            assertOnlyTheOwnerCanConnect(second);
            int listed = second.context().getBean(TmdbSandboxServer.class).catalogue().movieCount(year);

            JsonNode completed = await().atMost(Duration.ofSeconds(60)).until(
                    () -> second.json(second.get("/api/import/years/" + year)),
                    progress -> progress.get("status").asText().equals("completed"));

            assertThat(completed.get("startedAt").asText()).as("the same run, resumed").isEqualTo(startedAt);
            assertThat(completed.get("discovered").asInt()).isEqualTo(listed);
            assertThat(completed.get("imported").asInt() + completed.get("skipped").asInt()
                    + completed.get("failed").asInt()).isEqualTo(listed);
        }
        assertThat(dataDir.resolve("postgres/PG_VERSION")).exists();
        assertThat(output.getAll()).doesNotContain(RunningApp.ADMIN_PASSWORD)
                .doesNotContain(Files.readString(dataDir.resolve("postgres.password")));
    }

    /** The embedded server refuses connections without its generated password, kept readable by its owner only. */
    private void assertOnlyTheOwnerCanConnect(RunningApp app) throws Exception {
        Path passwordFile = dataDir.resolve("postgres.password");
        assertThat(Files.getPosixFilePermissions(passwordFile)).containsExactlyInAnyOrder(
                PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        int port = app.context().getBean(EmbeddedPostgres.class).getPort();
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
        assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "").close())
                .isInstanceOf(SQLException.class);
        try (Connection connection = DriverManager.getConnection(url, "postgres", Files.readString(passwordFile))) {
            assertThat(connection.isValid(5)).isTrue();
        }
    }
}
