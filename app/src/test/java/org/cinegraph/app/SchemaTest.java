package org.cinegraph.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Flyway owns the schema, PostgreSQL large objects appear nowhere, and the global index is not batched. */
@ApplicationTest
class SchemaTest {

    @Autowired
    private Flyway flyway;
    @Autowired
    private JdbcClient jdbc;

    @Test
    void theMigrationsValidateAgainstTheDatabase() {
        assertThat(flyway.validateWithResult().validationSuccessful).isTrue();
        assertThat(flyway.info().pending()).isEmpty();
    }

    @Test
    void everyTableComesFromAMigration() {
        List<String> tables = jdbc.sql("""
                        SELECT table_name FROM information_schema.tables
                         WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
                        """).query(String.class).list();

        assertThat(tables).containsExactlyInAnyOrder(
                "flyway_schema_history",
                "domain_event_entry", "snapshot_event_entry", "token_entry", "saga_entry",
                "association_value_entry", "dead_letter_entry",
                "year_progress", "year_progress_movie", "year_progress_page", "import_state", "import_state_counts",
                "import_state_removal", "movies", "movie_year_counts", "movie_counts", "skipped_imports",
                "skipped_import_counts", "import_failures", "failed_movies", "import_failure_counts",
                "projection_replay",
                "import_ledger_run", "import_ledger_page", "import_ledger_discovered", "import_ledger_outcome",
                "import_ledger_year", "import_ledger_tick", "import_ledger_full_sync", "import_ledger_change_sync",
                "import_ledger_priority", "import_ledger_export_sweep", "import_ledger_removed",
                "scheduled_tasks",
                "festival_organizations", "festival_ceremonies", "festival_categories", "festival_nominations",
                "festival_match", "festival_ceremony_failure", "canonical_lists", "canonical_list_members",
                "list_entry", "health_alert_claim", "health_alerts", "read_model_versions");
    }

    @Test
    void noColumnIsAPostgresLargeObject() {
        List<String> oidColumns = jdbc.sql("""
                        SELECT table_name || '.' || column_name FROM information_schema.columns
                         WHERE table_schema = 'public' AND udt_name = 'oid'
                        """).query(String.class).list();

        assertThat(oidColumns).isEmpty();
    }

    @Test
    void serializedPayloadsTokensAndSagasAreBytea() {
        Map<String, String> types = jdbc.sql("""
                        SELECT table_name || '.' || column_name AS col, data_type FROM information_schema.columns
                         WHERE table_schema = 'public'
                           AND column_name IN ('payload', 'meta_data', 'token', 'serialized_saga', 'diagnostics')
                        """).query((rs, row) -> Map.entry(rs.getString("col"), rs.getString("data_type")))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));

        assertThat(types).containsKeys("domain_event_entry.payload", "snapshot_event_entry.payload",
                "token_entry.token", "saga_entry.serialized_saga", "dead_letter_entry.payload");
        assertThat(types.values()).containsOnly("bytea");
    }

    @Test
    void theGlobalIndexIsAllocatedOneAtATime() {
        Map<String, Object> sequence = jdbc.sql("""
                        SELECT increment_by, cache_size FROM pg_sequences
                         WHERE sequencename = 'domain_event_entry_global_index_seq'
                        """).query().singleRow();

        assertThat(sequence).containsEntry("increment_by", 1L).containsEntry("cache_size", 1L);
        List<String> owners = jdbc.sql("""
                        SELECT table_name FROM information_schema.columns
                         WHERE column_default LIKE '%domain_event_entry_global_index_seq%'
                        """).query(String.class).list();
        assertThat(owners).containsExactly("domain_event_entry");
    }
}
