package org.cinegraph.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.security.auth.module.UnixSystem;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.cinegraph.sandbox.TmdbSandboxServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The embedded database lives in the data directory: what was recorded before a restart is there after it, a
 * running import resumes, and only the application can reach the database, whose server runs from binaries in
 * a directory only its owner can enter.
 */
@ExtendWith(OutputCaptureExtension.class)
class RestartTest {

    private static final String ZONKY_WORKING_DIR = "ot.epg.working-dir";

    @TempDir
    Path dataDir;

    /** Stands in for the system's temporary directory, where zonky works unless told otherwise. */
    @TempDir
    Path sharedTemp;

    @Test
    void aYearStartedBeforeARestartIsResumedAfterItAndCompletesExactly(CapturedOutput output) throws Exception {
        int year = Year.now(ZoneOffset.UTC).getValue() - 4;
        String startedAt;
        // zonky takes its default working directory from this property, else java.io.tmpdir/embedded-pg, which
        // other tests and users may have made already; pointing it at a fresh place shows whether zonky works there.
        Path zonkyDefault = sharedTemp.resolve("embedded-pg");
        String previousWorkingDir = System.setProperty(ZONKY_WORKING_DIR, zonkyDefault.toString());
        try (RunningApp first = RunningApp.start("cinegraph.data-dir=" + dataDir)) {
            assertOnlyTheOwnerCanConnect(first);
            assertTheServerRunsFromTheOwnerOnlyDirectory();
            assertThat(zonkyDefault).as("nothing is made in zonky's default directory").doesNotExist();
            assertThat(System.getProperty(ZONKY_WORKING_DIR)).isEqualTo(zonkyDefault.toString());
            assertThat(Path.of("/tmp/.s.PGSQL." + first.context().getBean(EmbeddedPostgres.class).getPort()))
                    .as("no socket in /tmp").doesNotExist();
            assertThat(dataDir.resolve("postgres/pg_hba.conf")).content()
                    .contains("scram-sha-256").doesNotContain("trust");
            assertThat(Files.getLastModifiedTime(dataDir.resolve("postgres.password")))
                    .as("the password is saved before initdb, which sets it")
                    .isLessThanOrEqualTo(Files.getLastModifiedTime(dataDir.resolve("postgres/PG_VERSION")));
            // TMDb fails while the first run is up: the year is started but cannot get anywhere.
            first.context().getBean(TmdbSandboxServer.class).faults().failAlways(503);
            assertThat(first.postAsAdmin("/api/admin/imports/years/" + year).statusCode()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(20)).until(() -> first.get("/api/import/years/" + year).statusCode() == 200);
            JsonNode running = first.json(first.get("/api/import/years/" + year));
            assertThat(running.get("status").asText()).isEqualTo("importing");
            startedAt = running.get("startedAt").asText();
        } finally {
            restore(ZONKY_WORKING_DIR, previousWorkingDir);
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

    @Test
    void aServerWhosePasswordFileIsLostIsRefusedUntilItGetsANewPassword() throws Exception {
        RunningApp.start("cinegraph.data-dir=" + dataDir).close();
        Path passwordFile = dataDir.resolve("postgres.password");
        Files.delete(passwordFile);

        assertThatThrownBy(() -> RunningApp.start("cinegraph.data-dir=" + dataDir).close())
                .rootCause().hasMessageContaining("has no password file " + passwordFile)
                .hasMessageContaining("postgres --single -D " + dataDir.resolve("postgres"));
        assertThat(passwordFile).as("no new password that the server would not know").doesNotExist();

        // The recovery README describes: a new password through the single-user backend, then in the file.
        setPasswordWithTheSingleUserBackend("a-new-password");
        Files.writeString(passwordFile, "a-new-password");
        Files.setPosixFilePermissions(passwordFile, PosixFilePermissions.fromString("rw-------"));
        try (RunningApp recovered = RunningApp.start("cinegraph.data-dir=" + dataDir)) {
            assertOnlyTheOwnerCanConnect(recovered);
        }
    }

    /** The postmaster runs from the binaries in {@code <data-dir>/embedded-pg}, which only its owner can enter. */
    private void assertTheServerRunsFromTheOwnerOnlyDirectory() throws Exception {
        Path privateDir = dataDir.resolve("embedded-pg");
        long pid = Long.parseLong(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).get(0).trim());
        String executable = ProcessHandle.of(pid).orElseThrow().info().command().orElseThrow();
        assertThat(executable).startsWith(privateDir.toRealPath().resolve("binaries") + "/")
                .endsWith("/bin/postgres");
        assertThat(Files.getPosixFilePermissions(privateDir, LinkOption.NOFOLLOW_LINKS))
                .isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(Files.getPosixFilePermissions(privateDir.resolve("binaries")))
                .isEqualTo(PosixFilePermissions.fromString("rwx------"));
    }

    private void setPasswordWithTheSingleUserBackend(String password) throws Exception {
        Path postgres;
        try (Stream<Path> unpacked = Files.list(dataDir.resolve("embedded-pg/binaries"))) {
            postgres = unpacked.map(directory -> directory.resolve("bin/postgres")).filter(Files::exists)
                    .findFirst().orElseThrow();
        }
        List<String> command = new ArrayList<>();
        if (new UnixSystem().getUid() == 0) {
            // PostgreSQL refuses to run as root; zonky does the same for the server: in a user namespace of its
            // own, root is nobody.
            command.addAll(List.of("unshare", "-U"));
        }
        command.addAll(List.of(postgres.toString(), "--single", "-D", dataDir.resolve("postgres").toString(),
                "postgres"));
        Process backend = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try (Writer input = new OutputStreamWriter(backend.getOutputStream(), StandardCharsets.UTF_8)) {
            input.write("ALTER ROLE postgres PASSWORD '" + password + "'\n");
        }
        assertThat(backend.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(backend.exitValue()).isZero();
    }

    private static void restore(String property, String previous) {
        if (previous == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, previous);
        }
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
