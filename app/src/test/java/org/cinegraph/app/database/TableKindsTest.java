package org.cinegraph.app.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.cinegraph.app.ApplicationTest;
import org.cinegraph.kernel.tables.TableComment;
import org.cinegraph.kernel.tables.TableDefinitions;
import org.cinegraph.kernel.tables.TableKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every table, in every schema, says in its comment what kind it is, who owns it and how it comes back; and the
 * definitions a node recreates lost tables from are exactly what the migrations make.
 */
@ApplicationTest
class TableKindsTest {

    /** Where the bundled definitions live in the source tree, from this module's directory. */
    private static final Path SOURCE = Path.of("..", "shared-kernel", "src", "main", "resources",
            TableDefinitions.RESOURCE);
    /** Set to write the definitions from the migrated database into {@link #SOURCE} instead of failing. */
    private static final String WRITE = "cinegraph.write-table-definitions";

    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private TransactionTemplate transactions;

    @Test
    void everyTableInEverySchemaSaysItsKindOwnerAndHowItComesBack() {
        Map<String, String> comments = jdbc.sql("""
                        SELECT n.nspname || '.' || c.relname AS name, obj_description(c.oid, 'pg_class') AS comment
                          FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                         WHERE c.relkind IN ('r', 'p')
                           AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
                           AND c.relname <> 'flyway_schema_history'""")
                .query((rs, row) -> Map.entry(rs.getString("name"), String.valueOf(rs.getString("comment"))))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));

        assertThat(comments).as("tables in every schema").containsKey("public.movies")
                .containsKey("projection_shape.movies");
        assertThat(comments).allSatisfy((table, comment) -> assertThat(TableComment.parse(comment))
                .as("the comment of %s: %s", table, comment).isPresent());
        Map<String, TableKind> kinds = comments.entrySet().stream().filter(e -> e.getKey().startsWith("public."))
                .collect(Collectors.toMap(e -> e.getKey().substring("public.".length()),
                        e -> TableComment.parse(e.getValue()).orElseThrow().kind()));
        assertThat(kinds).containsEntry("domain_event_entry", TableKind.EVENT_STORE)
                .containsEntry("snapshot_event_entry", TableKind.EVENT_STORE)
                .containsEntry("import_ledger_outcome", TableKind.DERIVED)
                .containsEntry("token_entry", TableKind.COORDINATION)
                .containsEntry("movies", TableKind.PROJECTION);
        assertThat(kinds.entrySet()).filteredOn(e -> e.getValue() == TableKind.EVENT_STORE).hasSize(2);
    }

    @Test
    void theBundledDefinitionsAreWhatTheMigrationsMake() throws IOException {
        String migrated = TableDefinitionsWriter.write(jdbc);
        if (Boolean.getBoolean(WRITE)) {
            Files.writeString(SOURCE, migrated, StandardCharsets.UTF_8);
        }
        assertThat(TableDefinitions.bundled().all()).extracting(definition -> definition.name())
                .containsExactlyElementsOf(TableDefinitions.parse(migrated).all().stream()
                        .map(definition -> definition.name()).toList());
        assertThat(Files.readString(SOURCE, StandardCharsets.UTF_8))
                .as("%s differs from what the migrations make: run this test with -D%s=true and commit the file",
                        SOURCE, WRITE)
                .isEqualTo(migrated);
    }

    /**
     * A table with a sequence and indexes of its own, and one with a column stored otherwise than its type's default
     * ({@code movies.tmdb_data}, uncompressed). In one transaction, rolled back: its search path and its schema never
     * reach another test's connection.
     */
    @ParameterizedTest
    @ValueSource(strings = {"association_value_entry", "movies"})
    void aTableRecreatedFromItsDefinitionHasTheShapeTheMigrationsGaveIt(String table) {
        String before = TableDefinitionsWriter.write(jdbc);
        List<String> statements = TableDefinitions.bundled().find(table).orElseThrow().statements();
        transactions.executeWithoutResult(status -> {
            jdbc.sql("CREATE SCHEMA recreated").update();
            jdbc.sql("SET LOCAL search_path TO recreated").update();
            statements.forEach(statement -> jdbc.sql(statement).update());
            String recreated = TableDefinitionsWriter.write(jdbc);
            assertThat(TableDefinitions.parse(recreated).find(table).orElseThrow().statements())
                    .isEqualTo(TableDefinitions.parse(before).find(table).orElseThrow().statements());
            assertThat(storage("recreated." + table)).as("each column stored as the migrated table's")
                    .isEqualTo(storage("public." + table));
            status.setRollbackOnly();
        });
    }

    private List<String> storage(String table) {
        return jdbc.sql("""
                        SELECT attname || ' ' || CAST(attstorage AS text) FROM pg_attribute
                         WHERE attrelid = to_regclass(:table) AND attnum > 0 AND NOT attisdropped ORDER BY attnum""")
                .param("table", table).query(String.class).list();
    }
}
