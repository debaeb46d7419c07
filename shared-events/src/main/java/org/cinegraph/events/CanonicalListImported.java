package org.cinegraph.events;

import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A canonical list was uploaded and differs from what was uploaded before under its key (or is new): these are
 * now its members, in list order, each IMDb id once. Members of an earlier upload that are not among them have
 * left the list.
 *
 * @param key the list's key, as in {@code POST /api/admin/lists/{key}}
 * @param contentHash the SHA-256 of its members (ids, titles and years in order), hex
 */
@Revision("1")
public record CanonicalListImported(String key, String contentHash, List<ListEntry> entries) {

    public CanonicalListImported {
        entries = List.copyOf(entries);
    }
}
