package org.cinegraph.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.kagkarlsson.scheduler.Scheduler;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import java.time.Year;
import java.time.ZoneOffset;
import org.cinegraph.command.yearimport.YearImportRunner;
import org.junit.jupiter.api.Test;

/**
 * {@code cinegraph.roles}: a node that only records (command) and a node that only reads (query), on one
 * database, make one application between them.
 */
class RolesTest {

    private static final int YEAR = Year.now(ZoneOffset.UTC).getValue() - 3;

    @Test
    void aCommandNodeImportsAndAQueryNodeAnswersReads() throws Exception {
        try (EmbeddedPostgres database = EmbeddedPostgres.builder().start();
             RunningApp command = node(database, "command");
             RunningApp query = node(database, "query")) {

            assertThat(command.postAsAdmin("/api/admin/imports/years/" + YEAR).statusCode()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(60)).until(() -> query.get("/api/import/years/" + YEAR).statusCode() == 200
                    && query.json(query.get("/api/import/years/" + YEAR)).get("status").asText().equals("completed"));

            // Each node serves only its side.
            assertThat(command.get("/api/import/state").statusCode()).isEqualTo(404);
            assertThat(query.postAsAdmin("/api/admin/imports/years/" + YEAR).statusCode()).isEqualTo(404);
            // Only a node that imports talks to TMDb, so only it tells how that went.
            assertThat(command.get("/api/tmdb/activity").statusCode()).isEqualTo(200);
            assertThat(query.get("/api/tmdb/activity").statusCode()).isEqualTo(404);
            // The query node runs no scheduler, and no import.
            assertThat(query.context().getBeanProvider(Scheduler.class).getIfAvailable()).isNull();
            assertThat(query.context().getBeanProvider(YearImportRunner.class).getIfAvailable()).isNull();
            assertThat(command.context().getBeanProvider(Scheduler.class).getIfAvailable()).isNotNull();
            // Each describes the API it serves: the other side's endpoints are not in its document.
            JsonNode queryPaths = query.json(query.get("/v3/api-docs")).path("paths");
            assertThat(queryPaths.has("/api/import/state")).isTrue();
            assertThat(queryPaths.has("/api/admin/imports/priority")).isFalse();
            JsonNode commandPaths = command.json(command.get("/v3/api-docs")).path("paths");
            assertThat(commandPaths.has("/api/admin/imports/priority")).isTrue();
            assertThat(commandPaths.has("/api/import/state")).isFalse();
        }
    }

    @Test
    void aRoleThatDoesNotExistStopsTheStartSayingWhichOnesDo() {
        assertThatThrownBy(() -> RunningApp.start("cinegraph.data-dir=target/test-data/roles-" + System.nanoTime(),
                "cinegraph.roles=command,reporting").close())
                .hasMessageContaining("cinegraph.roles holds 'reporting'; the roles are command and query");
    }

    private static RunningApp node(EmbeddedPostgres database, String roles) {
        return RunningApp.start(
                "spring.datasource.url=" + database.getJdbcUrl("postgres", "postgres"),
                "spring.datasource.username=postgres",
                "cinegraph.roles=" + roles);
    }
}
