package org.cinegraph.query.lists;

import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.cinegraph.events.CanonicalListImported;
import org.cinegraph.events.ListEntryFound;
import org.cinegraph.events.ListEntryNotFound;
import org.cinegraph.events.RecordCanonicalList;
import org.cinegraph.query.sequencing.PayloadSequencingPolicy;
import org.springframework.stereotype.Component;

/**
 * Puts a list's uploads and the lookups of its members in one sequence. The lookups are not the list aggregate's
 * events: in sequences of their own, a lookup could be applied while the upload before it waits in the dead-letter
 * queue, to members that are not there yet.
 */
@Component(ListSequencingPolicy.BEAN)
class ListSequencingPolicy extends PayloadSequencingPolicy {

    static final String BEAN = "listSequencingPolicy";

    ListSequencingPolicy() {
        super(SequentialPerAggregatePolicy.instance());
        sequence(CanonicalListImported.class, imported -> RecordCanonicalList.listId(imported.key()));
        sequence(ListEntryFound.class, found -> RecordCanonicalList.listId(found.key()));
        sequence(ListEntryNotFound.class, notFound -> RecordCanonicalList.listId(notFound.key()));
    }
}
