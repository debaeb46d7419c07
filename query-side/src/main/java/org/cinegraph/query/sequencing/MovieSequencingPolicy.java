package org.cinegraph.query.sequencing;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.cinegraph.events.MovieImportOutcome;
import org.cinegraph.events.MovieUpdated;
import org.springframework.stereotype.Component;

/**
 * Puts every outcome of one movie in one sequence, so that a failure later replaced by an import is applied
 * in that order, and its updates after its import. Movie outcomes are not aggregate events; Axon's default
 * policy would scatter them.
 */
@Component(MovieSequencingPolicy.BEAN)
public class MovieSequencingPolicy implements SequencingPolicy<EventMessage<?>> {

    static final String BEAN = "movieSequencingPolicy";

    @Override
    public Object getSequenceIdentifierFor(EventMessage<?> event) {
        Object payload = event.getPayload();
        if (payload instanceof MovieImportOutcome outcome) {
            return outcome.tmdbId();
        }
        return payload instanceof MovieUpdated updated ? updated.tmdbId() : null;
    }
}
