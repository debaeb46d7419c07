package org.cinegraph.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The incident drill's other way out: projection tables dropped while the node was down come back at its start. */
class DroppedTableRestartTest {

    @TempDir
    Path dataDir;

    @Test
    void aRestartRebuildsTheProjectionsWhoseTablesAreMissing() throws Exception {
        int year = Year.now(ZoneOffset.UTC).getValue() - 3;
        Map<String, List<String>> before;
        try (RunningApp app = RunningApp.start("cinegraph.data-dir=" + dataDir)) {
            assertThat(app.postAsAdmin("/api/admin/imports/years/" + year).statusCode()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(60)).until(() -> app.json(app.get("/api/projections"))
                    .findValuesAsText("caughtUp").stream().allMatch("true"::equals)
                    && app.json(app.get("/api/import/years/" + year)).get("status").asText().equals("completed"));
            JdbcClient jdbc = JdbcClient.create(app.context().getBean(DataSource.class));
            before = ReadModels.rows(jdbc);
            assertThat(before.get("import_state")).isNotEmpty();
            jdbc.sql("DROP TABLE import_state").update();
            jdbc.sql("DROP TABLE movies").update();
        }

        try (RunningApp app = RunningApp.start("cinegraph.data-dir=" + dataDir)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> app.json(app.get("/api/projections"))
                    .findValuesAsText("caughtUp").stream().allMatch("true"::equals));
            JdbcClient jdbc = JdbcClient.create(app.context().getBean(DataSource.class));
            assertThat(ReadModels.rows(jdbc)).isEqualTo(before);
            assertThat(app.json(app.get("/api/projections")).findValuesAsText("state"))
                    .as("only the projections that lost a table were rebuilt").containsExactlyInAnyOrder(
                            "completed", "completed");
        }
    }
}
