package org.cinegraph.query.failures;

import org.cinegraph.events.CanonicalListImported;
import org.cinegraph.events.CeremonyImportFailed;
import org.cinegraph.events.CeremonyImportResolved;
import org.cinegraph.events.ListEntryFound;
import org.cinegraph.events.ListEntryNotFound;
import org.cinegraph.events.NominationMatchFailed;
import org.cinegraph.events.NominationMatched;
import org.cinegraph.query.sequencing.MovieSequencingPolicy;
import org.cinegraph.query.sequencing.PayloadSequencingPolicy;
import org.springframework.stereotype.Component;

/**
 * Puts every event about one failure's subject in one sequence: a movie's outcomes (as for the movie tables), a
 * nomination's failures to match and its match, a ceremony's failures to import and their resolution, a list's
 * uploads and the lookups of its members, so a resolution is never applied before the failure it resolves.
 */
@Component(FailureSequencingPolicy.BEAN)
class FailureSequencingPolicy extends PayloadSequencingPolicy {

    static final String BEAN = "failureSequencingPolicy";

    FailureSequencingPolicy() {
        super(new MovieSequencingPolicy());
        sequence(NominationMatchFailed.class, FailureSubject::of);
        sequence(NominationMatched.class, FailureSubject::of);
        sequence(CeremonyImportFailed.class, FailureSubject::of);
        sequence(CeremonyImportResolved.class, FailureSubject::of);
        sequence(CanonicalListImported.class, list -> FailureSubject.listSource(list.key()));
        sequence(ListEntryNotFound.class, notFound -> FailureSubject.listSource(notFound.key()));
        sequence(ListEntryFound.class, found -> FailureSubject.listSource(found.key()));
    }
}
