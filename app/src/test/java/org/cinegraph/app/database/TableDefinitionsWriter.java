package org.cinegraph.app.database;

import java.util.List;
import org.cinegraph.kernel.tables.TableDefinitions;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes {@link TableDefinitions}' file from a migrated database: for every table of the current schema but Flyway's
 * history, in name order, the sequences its columns own, the table with its columns and constraints, its other
 * indexes, its columns stored otherwise than their types' default, the sequences' ownership and its comment, names
 * unqualified so they are created in the schema first on the search path.
 */
final class TableDefinitionsWriter {

    private TableDefinitionsWriter() {
    }

    static String write(JdbcClient jdbc) {
        StringBuilder file = new StringBuilder("""
                -- Every table as the migrations leave it: what a node recreates a lost table from (TableRecovery).
                -- Written by TableKindsTest from the migrated database (-Dcinegraph.write-table-definitions=true);
                -- never edit it by hand. The test fails when it differs from what the migrations make.
                """);
        List<String> tables = jdbc.sql("""
                        SELECT c.relname FROM pg_class c
                         WHERE c.relnamespace = to_regnamespace(current_schema()) AND c.relkind = 'r'
                           AND c.relname <> 'flyway_schema_history'
                         ORDER BY c.relname""").query(String.class).list();
        for (String table : tables) {
            file.append('\n').append(TableDefinitions.HEADER).append(table).append('\n');
            List<OwnedSequence> sequences = jdbc.sql("""
                            SELECT s.relname AS name, format_type(q.seqtypid, NULL) AS type, q.seqincrement AS increment,
                                   q.seqcache AS cache, a.attname AS column_name
                              FROM pg_depend d
                              JOIN pg_class s ON s.oid = d.objid AND s.relkind = 'S'
                              JOIN pg_sequence q ON q.seqrelid = s.oid
                              JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
                             WHERE d.classid = 'pg_class'::regclass AND d.refobjid = to_regclass(:table)
                               AND d.deptype = 'a'
                             ORDER BY s.relname""")
                    .param("table", table)
                    .query((rs, row) -> new OwnedSequence(rs.getString("name"), rs.getString("type"),
                            rs.getLong("increment"), rs.getLong("cache"), rs.getString("column_name")))
                    .list();
            for (OwnedSequence sequence : sequences) {
                file.append("CREATE SEQUENCE IF NOT EXISTS ").append(sequence.name()).append(" AS ")
                        .append(sequence.type()).append(" INCREMENT BY ").append(sequence.increment())
                        .append(" CACHE ").append(sequence.cache()).append(";\n");
            }
            List<String> parts = new java.util.ArrayList<>(jdbc.sql("""
                            SELECT quote_ident(a.attname) || ' ' || format_type(a.atttypid, a.atttypmod)
                                   || coalesce(' DEFAULT ' || pg_get_expr(d.adbin, d.adrelid), '')
                                   || CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE '' END
                              FROM pg_attribute a
                              LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
                             WHERE a.attrelid = to_regclass(:table) AND a.attnum > 0 AND NOT a.attisdropped
                             ORDER BY a.attnum""").param("table", table).query(String.class).list());
            parts.addAll(jdbc.sql("""
                            SELECT 'CONSTRAINT ' || quote_ident(conname) || ' ' || pg_get_constraintdef(oid)
                              FROM pg_constraint
                             WHERE conrelid = to_regclass(:table) AND contype IN ('p', 'u', 'c', 'f', 'x')
                             ORDER BY conname""").param("table", table).query(String.class).list());
            file.append("CREATE TABLE ").append(table).append(" (\n    ")
                    .append(String.join(",\n    ", parts)).append("\n);\n");
            jdbc.sql("""
                            SELECT pg_get_indexdef(x.indexrelid) FROM pg_index x
                              JOIN pg_class i ON i.oid = x.indexrelid
                             WHERE x.indrelid = to_regclass(:table)
                               AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid
                                                  AND c.conrelid = x.indrelid)
                             ORDER BY i.relname""").param("table", table).query(String.class).list()
                    .forEach(index -> file.append(index.replace(" ON " + schema(jdbc) + ".", " ON ")).append(";\n"));
            // A column stored otherwise than its type's default (movies.tmdb_data, uncompressed since V35).
            jdbc.sql("""
                            SELECT 'ALTER TABLE ' || :table || ' ALTER COLUMN ' || quote_ident(a.attname)
                                   || ' SET STORAGE '
                                   || CASE a.attstorage WHEN 'p' THEN 'PLAIN' WHEN 'e' THEN 'EXTERNAL'
                                                        WHEN 'm' THEN 'MAIN' ELSE 'EXTENDED' END
                              FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid
                             WHERE a.attrelid = to_regclass(:table) AND a.attnum > 0 AND NOT a.attisdropped
                               AND a.attstorage <> t.typstorage
                             ORDER BY a.attnum""").param("table", table).query(String.class).list()
                    .forEach(storage -> file.append(storage).append(";\n"));
            for (OwnedSequence sequence : sequences) {
                file.append("ALTER SEQUENCE ").append(sequence.name()).append(" OWNED BY ").append(table)
                        .append('.').append(sequence.column()).append(";\n");
            }
            String comment = jdbc.sql("SELECT obj_description(to_regclass(:table), 'pg_class')")
                    .param("table", table).query(String.class).optional().orElse(null);
            if (comment != null) {
                file.append("COMMENT ON TABLE ").append(table).append(" IS '").append(comment.replace("'", "''"))
                        .append("';\n");
            }
        }
        return file.toString();
    }

    private static String schema(JdbcClient jdbc) {
        return jdbc.sql("SELECT current_schema()").query(String.class).single();
    }

    private record OwnedSequence(String name, String type, long increment, long cache, String column) {
    }
}
