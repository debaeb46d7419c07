package org.cinegraph.kernel.tables;

import java.util.List;

/**
 * One table as the migrations leave it: the statements that create it empty (its sequences, the table with its
 * constraints, its indexes, its columns' storage where it is not their types' default, its comment) in the schema
 * first on the search path, and what its comment says.
 */
public record TableDefinition(String name, List<String> statements, TableComment comment) {

    public TableDefinition {
        statements = List.copyOf(statements);
    }

    static TableDefinition of(String name, List<String> statements) {
        String prefix = "COMMENT ON TABLE " + name + " IS '";
        TableComment comment = statements.stream().filter(statement -> statement.startsWith(prefix))
                .map(statement -> statement.substring(prefix.length(), statement.length() - 2).replace("''", "'"))
                .findFirst().flatMap(TableComment::parse)
                .orElseThrow(() -> new IllegalStateException("Table " + name + " has no comment saying its kind"));
        return new TableDefinition(name, statements, comment);
    }

    public TableKind kind() {
        return comment.kind();
    }
}
