package org.cinegraph.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The embedded database lives in the data directory: what was recorded before a restart is there after it,
 * and only the application can reach it.
 */
@ExtendWith(OutputCaptureExtension.class)
class RestartTest {

    @TempDir
    Path dataDir;

    @Test
    void aYearStartedBeforeARestartStillShowsAfterIt(CapturedOutput output) throws Exception {
        try (RunningApp first = RunningApp.start("cinegraph.data-dir=" + dataDir)) {
            assertOnlyTheOwnerCanConnect(first);
            assertThat(first.postAsAdmin("/api/admin/imports/years/2021").statusCode()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(20)).until(() -> first.get("/api/import/years/2021").statusCode() == 200);
        }

        try (RunningApp second = RunningApp.start("cinegraph.data-dir=" + dataDir)) {
            assertOnlyTheOwnerCanConnect(second);
            HttpResponse<String> year = second.get("/api/import/years/2021");

            assertThat(year.statusCode()).isEqualTo(200);
            assertThat(second.json(year).get("status").asText()).isEqualTo("importing");
            assertThat(second.postAsAdmin("/api/admin/imports/years/2021").statusCode())
                    .as("the aggregate was rebuilt from the stored events").isEqualTo(409);
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
