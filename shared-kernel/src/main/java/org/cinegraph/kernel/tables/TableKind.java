package org.cinegraph.kernel.tables;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a table holds, and so how it comes back when it is lost (each table's {@code COMMENT ON TABLE} says which). */
public enum TableKind {
    /** The events: the only truth. Nothing rebuilds it; a backup restores it. */
    EVENT_STORE("event store"),
    /** A read model of the query side, rebuilt by a replay of its projection. */
    PROJECTION("projection"),
    /** The command side's state derived from events (ledger rows, matches, resume points): rebuilt from them. */
    DERIVED("derived"),
    /** Tokens, claims, leases, deadlines, sagas, dead letters, replay bookkeeping: recreated in a safe state. */
    COORDINATION("coordination");

    private final String label;

    TableKind(String label) {
        this.label = label;
    }

    /** As the comments and the API write it: {@code event store}, {@code projection}, and so on. */
    public String label() {
        return label;
    }

    public static Optional<TableKind> ofLabel(String label) {
        String wanted = label.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(kind -> kind.label.equals(wanted)).findFirst();
    }
}
