package org.cinegraph.query.festivals;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.cinegraph.events.NominationMatched;
import org.cinegraph.events.RecordCeremony;
import org.springframework.stereotype.Component;

/**
 * Puts the matches of a ceremony's nominations in the sequence of the ceremony's own events. A match is not the
 * ceremony aggregate's event, so Axon's default policy would make each a sequence of its own: it could then be
 * applied while the ceremony's recording waits in the dead-letter queue, to a nomination that is not there yet.
 */
@Component(FestivalSequencingPolicy.BEAN)
class FestivalSequencingPolicy implements SequencingPolicy<EventMessage<?>> {

    static final String BEAN = "festivalSequencingPolicy";

    @Override
    public Object getSequenceIdentifierFor(EventMessage<?> event) {
        if (event.getPayload() instanceof NominationMatched matched) {
            return RecordCeremony.ceremonyId(matched.organization(), matched.year());
        }
        return SequentialPerAggregatePolicy.instance().getSequenceIdentifierFor(event);
    }
}
