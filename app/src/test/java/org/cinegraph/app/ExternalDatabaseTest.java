package org.cinegraph.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * With {@code spring.datasource.url} set, the application uses that PostgreSQL, starts nothing embedded, and
 * Flyway creates every table there. A separately started server stands in for the operator's PostgreSQL.
 */
class ExternalDatabaseTest {

    @TempDir
    Path unusedDataDir;

    @Test
    void anExternalPostgresGetsEveryTableFromFlywayAndNothingEmbeddedStarts() throws Exception {
        try (EmbeddedPostgres external = EmbeddedPostgres.builder().start();
             RunningApp app = RunningApp.start(
                     "spring.datasource.url=" + external.getJdbcUrl("postgres", "postgres"),
                     "spring.datasource.username=postgres",
                     "cinegraph.data-dir=" + unusedDataDir)) {

            assertThat(app.context().getBeanNamesForType(EmbeddedPostgres.class)).isEmpty();
            assertThat(unusedDataDir).isEmptyDirectory();
            assertThat(app.postAsAdmin("/api/admin/imports/years/2020").statusCode()).isEqualTo(202);

            JdbcClient jdbc = JdbcClient.create(external.getPostgresDatabase());
            List<String> tables = jdbc.sql("""
                    SELECT table_name FROM information_schema.tables
                     WHERE table_schema = 'public' AND table_type = 'BASE TABLE'""").query(String.class).list();
            List<String> migrated = jdbc.sql("SELECT script FROM flyway_schema_history WHERE success")
                    .query(String.class).list();
            List<String> oidColumns = jdbc.sql("SELECT column_name FROM information_schema.columns WHERE udt_name = 'oid'"
                    + " AND table_schema = 'public'").query(String.class).list();
            long events = jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE payload_type = :type")
                    .param("type", "org.cinegraph.events.YearImportStarted").query(Long.class).single();

            assertThat(tables).contains("domain_event_entry", "token_entry", "year_progress", "import_state");
            assertThat(migrated).contains("V1__axon_infrastructure.sql", "V2__import_projections.sql");
            assertThat(oidColumns).isEmpty();
            assertThat(events).isEqualTo(1);
        }
    }
}
