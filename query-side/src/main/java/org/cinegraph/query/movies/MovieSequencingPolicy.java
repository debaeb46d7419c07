package org.cinegraph.query.movies;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.cinegraph.events.MovieImportFailed;
import org.cinegraph.events.MovieImported;
import org.cinegraph.events.MovieSkipped;
import org.springframework.stereotype.Component;

/**
 * Puts every outcome of one movie in one sequence, so that a failure later replaced by an import is applied
 * in that order. Movie outcomes are not aggregate events; Axon's default policy would scatter them.
 */
@Component(MovieSequencingPolicy.BEAN)
class MovieSequencingPolicy implements SequencingPolicy<EventMessage<?>> {

    static final String BEAN = "movieSequencingPolicy";

    @Override
    public Object getSequenceIdentifierFor(EventMessage<?> event) {
        Object payload = event.getPayload();
        if (payload instanceof MovieImported imported) {
            return imported.tmdbId();
        }
        if (payload instanceof MovieSkipped skipped) {
            return skipped.tmdbId();
        }
        if (payload instanceof MovieImportFailed failed) {
            return failed.tmdbId();
        }
        return null;
    }
}
