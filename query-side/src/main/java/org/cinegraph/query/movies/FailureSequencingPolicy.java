package org.cinegraph.query.movies;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.cinegraph.events.NominationMatchFailed;
import org.cinegraph.events.NominationMatched;
import org.springframework.stereotype.Component;

/**
 * Puts every event about one failure's subject in one sequence: a movie's outcomes (as for the movie tables), a
 * nomination's failures to match and its match, so a resolution is never applied before the failure it resolves.
 */
@Component(FailureSequencingPolicy.BEAN)
class FailureSequencingPolicy implements SequencingPolicy<EventMessage<?>> {

    static final String BEAN = "failureSequencingPolicy";

    private final MovieSequencingPolicy movies = new MovieSequencingPolicy();

    @Override
    public Object getSequenceIdentifierFor(EventMessage<?> event) {
        Object payload = event.getPayload();
        if (payload instanceof NominationMatchFailed failed) {
            return FailureSubject.of(failed);
        }
        if (payload instanceof NominationMatched matched) {
            return FailureSubject.of(matched);
        }
        return movies.getSequenceIdentifierFor(event);
    }
}
