package org.cinegraph.events;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Record a canonical list as it was uploaded: its members in list order, each IMDb id once, and the hash of
 * them, so an upload of the same list again records nothing.
 */
public record RecordCanonicalList(String key, String contentHash, List<ListEntry> entries) {

    public RecordCanonicalList {
        entries = List.copyOf(entries);
    }

    /** Aggregate identifiers share one namespace in the event store: this one is the list's. */
    public static String listId(String key) {
        return "list-" + key;
    }

    @TargetAggregateIdentifier
    public String listId() {
        return listId(key);
    }
}
