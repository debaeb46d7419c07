package org.cinegraph.query.festivals;

import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.cinegraph.events.NominationMatched;
import org.cinegraph.events.RecordCeremony;
import org.cinegraph.query.sequencing.PayloadSequencingPolicy;
import org.springframework.stereotype.Component;

/**
 * Puts the matches of a ceremony's nominations in the sequence of the ceremony's own events. A match is not the
 * ceremony aggregate's event: in a sequence of its own, it could be applied while the ceremony's recording waits in
 * the dead-letter queue, to a nomination that is not there yet.
 */
@Component(FestivalSequencingPolicy.BEAN)
class FestivalSequencingPolicy extends PayloadSequencingPolicy {

    static final String BEAN = "festivalSequencingPolicy";

    FestivalSequencingPolicy() {
        super(SequentialPerAggregatePolicy.instance());
        sequence(NominationMatched.class, matched -> RecordCeremony.ceremonyId(matched.organization(), matched.year()));
    }
}
