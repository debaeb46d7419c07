package org.cinegraph.query.progress;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.cinegraph.events.MovieImportOutcome;
import org.cinegraph.events.YearImportEvent;
import org.springframework.stereotype.Component;

/**
 * Puts every event of one year, the year import's own and its pages' and movies', in one sequence, so that
 * a year's progress applies them in the order they happened. Pages and movie outcomes are not events of
 * the year-import aggregate, so Axon's default per-aggregate policy would scatter them over segments.
 * An event of no year may run alongside anything.
 */
@Component(YearSequencingPolicy.BEAN)
class YearSequencingPolicy implements SequencingPolicy<EventMessage<?>> {

    static final String BEAN = "yearSequencingPolicy";

    @Override
    public Object getSequenceIdentifierFor(EventMessage<?> event) {
        Object payload = event.getPayload();
        if (payload instanceof YearImportEvent yearEvent) {
            return yearEvent.year();
        }
        if (payload instanceof MovieImportOutcome outcome) {
            return outcome.year();
        }
        return null;
    }
}
