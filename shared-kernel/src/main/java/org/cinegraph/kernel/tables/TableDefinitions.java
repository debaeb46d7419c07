package org.cinegraph.kernel.tables;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The definition of every table as the migrations leave it ({@code tables.sql} beside this class): what a node
 * recreates a lost table from, even one Flyway believes it created, and what {@code GET /api/admin/tables} lists.
 * The file is written from the migrated database by {@code TableDefinitionsTest}, which fails when it differs from
 * what the migrations make.
 */
public final class TableDefinitions {

    /** Where the file is, in the class path and under {@code shared-kernel/src/main/resources}. */
    public static final String RESOURCE = "org/cinegraph/kernel/tables/tables.sql";
    /** The line that starts each table's statements. */
    public static final String HEADER = "-- table: ";

    private static final TableDefinitions BUNDLED = parse(read());

    private final Map<String, TableDefinition> tables;

    private TableDefinitions(Map<String, TableDefinition> tables) {
        this.tables = Collections.unmodifiableMap(tables);
    }

    /** The definitions this build carries. */
    public static TableDefinitions bundled() {
        return BUNDLED;
    }

    /** Every table, in the order the file lists them. */
    public List<TableDefinition> all() {
        return List.copyOf(tables.values());
    }

    public Optional<TableDefinition> find(String name) {
        return Optional.ofNullable(tables.get(name));
    }

    /** Reads the file's text: {@value #HEADER}{@code name} lines, each followed by its statements. */
    public static TableDefinitions parse(String text) {
        Map<String, TableDefinition> tables = new LinkedHashMap<>();
        String name = null;
        List<String> statements = new ArrayList<>();
        StringBuilder statement = new StringBuilder();
        for (String line : (text + "\n" + HEADER).split("\n")) {
            if (line.startsWith(HEADER)) {
                if (name != null) {
                    tables.put(name, TableDefinition.of(name, statements));
                }
                name = line.substring(HEADER.length()).strip();
                statements = new ArrayList<>();
                statement.setLength(0);
            } else if (name != null && !line.isBlank() && !line.startsWith("--")) {
                statement.append(line).append('\n');
                if (line.endsWith(";")) {
                    statements.add(statement.toString().strip());
                    statement.setLength(0);
                }
            }
        }
        return new TableDefinitions(tables);
    }

    private static String read() {
        try (InputStream in = TableDefinitions.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The table definitions " + RESOURCE + " are missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
