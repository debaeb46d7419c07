package org.cinegraph.query.progress;

import org.cinegraph.events.MovieImportOutcome;
import org.cinegraph.events.YearImportEvent;
import org.cinegraph.query.sequencing.PayloadSequencingPolicy;
import org.springframework.stereotype.Component;

/**
 * Puts every event of one year, the year import's own and its pages' and movies', in one sequence, so that a year's
 * progress applies them in the order they happened. An event of no year may run alongside anything.
 */
@Component(YearSequencingPolicy.BEAN)
class YearSequencingPolicy extends PayloadSequencingPolicy {

    static final String BEAN = "yearSequencingPolicy";

    YearSequencingPolicy() {
        super(ANY_ORDER);
        sequence(YearImportEvent.class, YearImportEvent::year);
        sequence(MovieImportOutcome.class, MovieImportOutcome::year);
    }
}
