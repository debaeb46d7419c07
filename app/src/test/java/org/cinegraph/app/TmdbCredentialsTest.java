package org.cinegraph.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import org.cinegraph.command.tmdb.TmdbClient;
import org.cinegraph.sandbox.TmdbSandboxServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** With a TMDb credential there is no sandbox, and the credential never reaches the log. */
@ExtendWith(OutputCaptureExtension.class)
class TmdbCredentialsTest {

    private static final String TOKEN = "eyJ-not-a-real-token-but-secret";

    @TempDir
    Path dataDir;

    @Test
    void aConfiguredTokenTurnsTheSandboxOffAndIsNeverLogged(CapturedOutput output) throws Exception {
        // A loopback port nothing listens on stands in for TMDb: this machine reaches no internet.
        try (RunningApp app = RunningApp.start(
                "cinegraph.data-dir=" + dataDir,
                "cinegraph.tmdb.api-token=" + TOKEN,
                "cinegraph.tmdb.base-url=http://127.0.0.1:9/3",
                "cinegraph.tmdb.retry.initial-backoff=10ms",
                "cinegraph.tmdb.retry.max-backoff=20ms")) {

            assertThat(app.context().getBeanNamesForType(TmdbSandboxServer.class)).isEmpty();
            assertThat(app.context().getBean(TmdbClient.class).baseUrl()).hasToString("http://127.0.0.1:9/3");
            assertThat(app.json(app.get("/actuator/info")).at("/tmdb/mode").asText()).isEqualTo("tmdb");
            await().atMost(Duration.ofMinutes(2)).until(() -> output.getAll().contains("does not answer"));
        }
        assertThat(output.getAll()).doesNotContain(TOKEN);
    }
}
