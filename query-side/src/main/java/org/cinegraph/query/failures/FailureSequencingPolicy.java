package org.cinegraph.query.failures;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.cinegraph.events.CanonicalListImported;
import org.cinegraph.events.CeremonyImportFailed;
import org.cinegraph.events.CeremonyImportResolved;
import org.cinegraph.events.ListEntryFound;
import org.cinegraph.events.ListEntryNotFound;
import org.cinegraph.events.NominationMatchFailed;
import org.cinegraph.events.NominationMatched;
import org.cinegraph.query.sequencing.MovieSequencingPolicy;
import org.springframework.stereotype.Component;

/**
 * Puts every event about one failure's subject in one sequence: a movie's outcomes (as for the movie tables), a
 * nomination's failures to match and its match, a ceremony's failures to import and their resolution, a list's uploads and the lookups of its members, so a resolution is
 * never applied before the failure it resolves.
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
        if (payload instanceof CeremonyImportFailed failed) {
            return FailureSubject.of(failed);
        }
        if (payload instanceof CeremonyImportResolved resolved) {
            return FailureSubject.of(resolved);
        }
        if (payload instanceof CanonicalListImported list) {
            return FailureSubject.listSource(list.key());
        }
        if (payload instanceof ListEntryNotFound notFound) {
            return FailureSubject.listSource(notFound.key());
        }
        if (payload instanceof ListEntryFound found) {
            return FailureSubject.listSource(found.key());
        }
        return movies.getSequenceIdentifierFor(event);
    }
}
