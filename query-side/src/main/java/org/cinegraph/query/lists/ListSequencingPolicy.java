package org.cinegraph.query.lists;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.cinegraph.events.CanonicalListImported;
import org.cinegraph.events.ListEntryFound;
import org.cinegraph.events.ListEntryNotFound;
import org.cinegraph.events.RecordCanonicalList;
import org.springframework.stereotype.Component;

/**
 * Puts a list's uploads and the lookups of its members in one sequence. The lookups are not the list
 * aggregate's events, so Axon's default policy would make each a sequence of its own: a lookup could then be
 * applied while the upload before it waits in the dead-letter queue, to members that are not there yet.
 */
@Component(ListSequencingPolicy.BEAN)
class ListSequencingPolicy implements SequencingPolicy<EventMessage<?>> {

    static final String BEAN = "listSequencingPolicy";

    @Override
    public Object getSequenceIdentifierFor(EventMessage<?> event) {
        Object payload = event.getPayload();
        if (payload instanceof CanonicalListImported imported) {
            return RecordCanonicalList.listId(imported.key());
        }
        if (payload instanceof ListEntryFound found) {
            return RecordCanonicalList.listId(found.key());
        }
        if (payload instanceof ListEntryNotFound notFound) {
            return RecordCanonicalList.listId(notFound.key());
        }
        return SequentialPerAggregatePolicy.instance().getSequenceIdentifierFor(event);
    }
}
