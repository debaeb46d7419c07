package org.cinegraph.query.replay;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A replayable projection: its processing group, the tables it owns, and the stored payload types whose events
 * leave its first table never empty again (see {@code ProjectionTables#neverEmptyAfter}).
 */
record Projection(String name, List<String> tables, List<String> neverEmptyAfter) {

    private static final Pattern TABLE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    Projection {
        tables = List.copyOf(tables);
        neverEmptyAfter = List.copyOf(neverEmptyAfter);
        if (tables.isEmpty()) {
            throw new IllegalArgumentException("Projection " + name + " names no tables");
        }
        // Table names end up in DDL; they come from annotations, and this keeps it that way.
        tables.forEach(table -> {
            if (!TABLE_NAME.matcher(table).matches()) {
                throw new IllegalArgumentException("Not a plain table name: " + table);
            }
        });
    }
}
