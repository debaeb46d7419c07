package org.cinegraph.query.state;

import java.util.List;
import org.cinegraph.kernel.tables.TableDefinition;
import org.cinegraph.kernel.tables.TableDefinitions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The application's tables (those of the bundled definitions) that are missing from the database now. */
@Component
record MissingTables(JdbcClient jdbc) {

    List<String> find() {
        String[] names = TableDefinitions.bundled().all().stream().map(TableDefinition::name).toArray(String[]::new);
        return jdbc.sql("""
                        SELECT name FROM unnest(CAST(:names AS text[])) WITH ORDINALITY AS t (name, position)
                         WHERE to_regclass(quote_ident(name)) IS NULL ORDER BY position""")
                .param("names", names).query(String.class).list();
    }
}
