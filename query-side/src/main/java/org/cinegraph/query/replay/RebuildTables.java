package org.cinegraph.query.replay;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The DDL of a rebuild: copies of a projection's tables in {@value #REBUILD}, empty copies of their shape in
 * {@value #SHAPE}, and the swap that puts the copies in place of the live tables. Copies are made with
 * {@code CREATE TABLE ... (LIKE ... INCLUDING ALL)} from the live table (or, when it was dropped, from its
 * shape), then given its storage parameters, which {@code LIKE} leaves out, and their indexes get the live indexes'
 * names back, so a later Flyway migration finds every table and index under the name it gave it. Every method runs
 * in the caller's transaction.
 */
@Component
class RebuildTables {

    static final String REBUILD = "projection_rebuild";
    static final String SHAPE = "projection_shape";

    private final JdbcClient jdbc;

    RebuildTables(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The schema the application's own tables live in (the first of its search path that exists). */
    String liveSchema() {
        return jdbc.sql("SELECT current_schema()").query(String.class).single();
    }

    boolean exists(String schema, String table) {
        return jdbc.sql("SELECT to_regclass(:name) IS NOT NULL")
                .param("name", quote(schema) + "." + quote(table)).query(Boolean.class).single();
    }

    /**
     * Remembers the shape of each live table, so that the table can be rebuilt even after it was dropped. Nodes
     * starting together take turns (a transaction-scoped advisory lock), instead of creating the same table.
     */
    void rememberShape(Projection projection) {
        jdbc.sql("SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtext(:key))) AS locked")
                .param("key", SHAPE).query(Integer.class).single();
        String live = liveSchema();
        for (String table : projection.tables()) {
            if (exists(live, table)) {
                jdbc.sql("DROP TABLE IF EXISTS " + qualified(SHAPE, table)).update();
                copy(live, SHAPE, table);
            }
        }
    }

    /**
     * Whether the projection's first table lost its rows: it is empty although an event is stored after which it
     * never is.
     */
    boolean emptied(Projection projection) {
        if (projection.neverEmptyAfter().isEmpty()) {
            return false;
        }
        return jdbc.sql("SELECT NOT EXISTS (SELECT 1 FROM " + qualified(liveSchema(), projection.tables().get(0))
                        + ") AND EXISTS (SELECT 1 FROM domain_event_entry WHERE payload_type IN (:types))")
                .param("types", projection.neverEmptyAfter()).query(Boolean.class).single();
    }

    /** Fresh, empty copies of the projection's tables for a rebuild to fill. */
    void createCopies(Projection projection) {
        String live = liveSchema();
        for (String table : projection.tables()) {
            jdbc.sql("DROP TABLE IF EXISTS " + qualified(REBUILD, table)).update();
            if (exists(live, table)) {
                copy(live, REBUILD, table);
            } else if (exists(SHAPE, table)) {
                copy(SHAPE, REBUILD, table);
            } else {
                throw new IllegalStateException("Table " + table + " exists neither live nor as a remembered shape");
            }
        }
    }

    /**
     * Whether the copies still have the live tables' shape (columns with their types, defaults, nullability and
     * storage, constraints and indexes): a migration may have run since they were made.
     */
    boolean copiesMatchLive(Projection projection) {
        String live = liveSchema();
        return projection.tables().stream().allMatch(table -> !exists(live, table)
                || shape(live, table).equals(shape(REBUILD, table)));
    }

    boolean copiesExist(Projection projection) {
        return projection.tables().stream().allMatch(table -> exists(REBUILD, table));
    }

    /**
     * Puts the filled copies in place of the live tables, with the live tables' storage parameters as they are now.
     * Readers wait for the commit and then see the copies.
     */
    void swap(Projection projection) {
        String live = liveSchema();
        for (String table : projection.tables()) {
            if (exists(live, table)) {
                // Set since the copy was made (a migration, an administrator): not part of the shape, since the rows
                // the copy holds are right whatever they are.
                takeStorageParameters(live, REBUILD, table);
            }
            jdbc.sql("DROP TABLE IF EXISTS " + qualified(live, table)).update();
            jdbc.sql("ALTER TABLE " + qualified(REBUILD, table) + " SET SCHEMA " + quote(live)).update();
        }
    }

    /**
     * Sets, for the current transaction only, a search path that finds the projection's copies before the
     * live tables, so a projection's unchanged SQL writes to the copies.
     */
    void writeToCopiesInThisTransaction() {
        jdbc.sql("SELECT set_config('search_path', :schema || ', ' || current_setting('search_path'), true)")
                .param("schema", REBUILD).query(String.class).single();
    }

    /** Has PostgreSQL gather the statistics of the projection's copies ({@link CopyStatistics}). */
    void analyzeCopies(Projection projection) {
        jdbc.sql("ANALYZE " + String.join(", ", projection.tables().stream()
                .map(table -> qualified(REBUILD, table)).toList())).update();
    }

    /** Lets the current transaction commit before its WAL reaches the disk (see {@link ProjectionTransaction}). */
    void commitWithoutWaitingForTheDisk() {
        jdbc.sql("SELECT set_config('synchronous_commit', 'off', true)").query(String.class).single();
    }

    private void copy(String fromSchema, String toSchema, String table) {
        jdbc.sql("CREATE TABLE " + qualified(toSchema, table) + " (LIKE " + qualified(fromSchema, table)
                + " INCLUDING ALL)").update();
        // LIKE copies neither the table's storage parameters (fillfactor, autovacuum's settings, its TOAST table's)
        // nor its comment, which says what kind of table it is.
        takeStorageParameters(fromSchema, toSchema, table);
        jdbc.sql("SELECT format('COMMENT ON TABLE %I.%I IS %L', CAST(:toSchema AS text), CAST(:table AS text),"
                        + " obj_description(to_regclass(:from), 'pg_class'))")
                .param("toSchema", toSchema).param("table", table).param("from", qualified(fromSchema, table))
                .query(String.class).optional().ifPresent(comment -> jdbc.sql(comment).update());
        // LIKE names the copied indexes after the new table's columns; give them back the names they had.
        Map<String, String> copiedByDefinition = new HashMap<>();
        indexes(toSchema, table).forEach(index -> copiedByDefinition.put(index.definition(), index.name()));
        for (Index original : indexes(fromSchema, table)) {
            String copied = copiedByDefinition.get(original.definition());
            if (copied != null && !copied.equals(original.name())) {
                jdbc.sql("ALTER INDEX " + qualified(toSchema, copied) + " RENAME TO " + quote(original.name()))
                        .update();
            }
        }
    }

    /**
     * Gives the table in {@code toSchema} the storage parameters of the one in {@code fromSchema}, its TOAST table's
     * included ({@code toast.autovacuum_enabled}), replacing any it had.
     */
    private void takeStorageParameters(String fromSchema, String toSchema, String table) {
        Map<String, String> wanted = storageParameters(fromSchema, table);
        Map<String, String> current = storageParameters(toSchema, table);
        if (wanted.equals(current)) {
            return;
        }
        if (!current.isEmpty()) {
            jdbc.sql("ALTER TABLE " + qualified(toSchema, table) + " RESET (" + String.join(", ", current.keySet())
                    + ")").update();
        }
        if (!wanted.isEmpty()) {
            List<String> settings = new ArrayList<>();
            wanted.forEach((name, value) -> settings.add(name + " = " + value));
            jdbc.sql("ALTER TABLE " + qualified(toSchema, table) + " SET (" + String.join(", ", settings) + ")")
                    .update();
        }
    }

    /**
     * The table's storage parameters and its TOAST table's, by name as {@code ALTER TABLE} takes them
     * ({@code fillfactor}, {@code toast.autovacuum_enabled}; names PostgreSQL checked when they were set), each
     * with its value as a quoted literal.
     */
    private Map<String, String> storageParameters(String schema, String table) {
        Map<String, String> parameters = new TreeMap<>();
        jdbc.sql("""
                        SELECT prefix || split_part(option, '=', 1) AS name,
                               quote_literal(substr(option, strpos(option, '=') + 1)) AS value
                          FROM (SELECT '' AS prefix, unnest(t.reloptions) AS option
                                  FROM pg_class t WHERE t.oid = to_regclass(:name)
                                UNION ALL
                                SELECT 'toast.', unnest(toast.reloptions)
                                  FROM pg_class t JOIN pg_class toast ON toast.oid = t.reltoastrelid
                                 WHERE t.oid = to_regclass(:name)) AS options""")
                .param("name", qualified(schema, table))
                .query(rs -> {
                    parameters.put(rs.getString("name"), rs.getString("value"));
                });
        return parameters;
    }

    private List<Index> indexes(String schema, String table) {
        return jdbc.sql("""
                        SELECT i.relname AS name, x.indisunique AS is_unique, pg_get_indexdef(i.oid) AS definition
                          FROM pg_index x
                          JOIN pg_class i ON i.oid = x.indexrelid
                          JOIN pg_class t ON t.oid = x.indrelid
                          JOIN pg_namespace n ON n.oid = t.relnamespace
                         WHERE n.nspname = :schema AND t.relname = :table
                        """)
                .param("schema", schema).param("table", table)
                .query((rs, row) -> {
                    String definition = rs.getString("definition");
                    // "CREATE [UNIQUE] INDEX name ON schema.table USING ..." compared from USING on.
                    return new Index(rs.getString("name"),
                            rs.getBoolean("is_unique") + definition.substring(definition.indexOf(" USING ")));
                }).list();
    }

    private List<String> shape(String schema, String table) {
        List<String> shape = new ArrayList<>(jdbc.sql("""
                        SELECT a.attname || ' ' || format_type(a.atttypid, a.atttypmod) || ' ' || a.attnotnull || ' '
                               || CAST(a.attstorage AS text) || ' ' || coalesce(pg_get_expr(d.adbin, d.adrelid), '')
                          FROM pg_attribute a
                          LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
                         WHERE a.attrelid = to_regclass(:name) AND a.attnum > 0 AND NOT a.attisdropped
                         ORDER BY a.attnum""")
                .param("name", qualified(schema, table)).query(String.class).list());
        shape.addAll(jdbc.sql("""
                        SELECT conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint
                         WHERE conrelid = to_regclass(:name) ORDER BY conname""")
                .param("name", qualified(schema, table)).query(String.class).list());
        indexes(schema, table).stream().map(index -> index.name() + " " + index.definition()).sorted()
                .forEach(shape::add);
        return shape;
    }

    private static String qualified(String schema, String name) {
        return quote(schema) + "." + quote(name);
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    private record Index(String name, String definition) {
    }
}
