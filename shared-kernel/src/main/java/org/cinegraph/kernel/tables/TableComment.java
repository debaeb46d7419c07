package org.cinegraph.kernel.tables;

import java.util.Optional;

/**
 * A table's {@code COMMENT ON TABLE}, read: {@code kind: ... | owner: ... | comes back: ... | what it holds}.
 *
 * @param kind      what the table holds
 * @param owner     the module and package that write it
 * @param comesBack how the table comes back when it is lost
 * @param holds     what a row of it is
 */
public record TableComment(TableKind kind, String owner, String comesBack, String holds) {

    /** The comment's parts, or empty when the text is not such a comment (or there is none). */
    public static Optional<TableComment> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String[] parts = text.split(" \\| ", 4);
        if (parts.length < 4 || !parts[0].startsWith("kind: ") || !parts[1].startsWith("owner: ")
                || !parts[2].startsWith("comes back: ")) {
            return Optional.empty();
        }
        return TableKind.ofLabel(parts[0].substring("kind: ".length()))
                .map(kind -> new TableComment(kind, parts[1].substring("owner: ".length()).strip(),
                        parts[2].substring("comes back: ".length()).strip(), parts[3].strip()));
    }
}
