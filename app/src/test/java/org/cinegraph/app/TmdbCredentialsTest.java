package org.cinegraph.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
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
                "cinegraph.tmdb.base-url=http://127.0.0.1:9/3")) {

            assertThat(app.context().getBeanNamesForType(TmdbSandboxServer.class)).isEmpty();
            assertThat(app.context().getBean(TmdbClient.class).baseUrl()).hasToString("http://127.0.0.1:9/3");
            assertThat(app.json(app.get("/actuator/info")).at("/tmdb/mode").asText()).isEqualTo("tmdb");
        }
        assertThat(output.getAll()).contains("does not answer").doesNotContain(TOKEN);
    }
}
