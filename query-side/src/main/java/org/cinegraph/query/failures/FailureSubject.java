package org.cinegraph.query.failures;

import org.cinegraph.events.CeremonyImportFailed;
import org.cinegraph.events.CeremonyImportResolved;
import org.cinegraph.events.FestivalSubjects;
import org.cinegraph.events.ImportSource;
import org.cinegraph.events.ListEntryFound;
import org.cinegraph.events.ListEntryNotFound;
import org.cinegraph.events.NominationEvent;
import org.cinegraph.events.NominationRef;

/**
 * What a failure is of, within its source: a movie by its TMDb id, a festival nomination or ceremony as
 * {@link FestivalSubjects} names them, or a list's member by its IMDb id.
 */
record FailureSubject(String source, String subject) {

    static FailureSubject movie(String source, int tmdbId) {
        return new FailureSubject(source, Integer.toString(tmdbId));
    }

    static FailureSubject of(NominationEvent event) {
        return new FailureSubject(ImportSource.festival(event.organization()).value(),
                FestivalSubjects.nomination(NominationRef.of(event)));
    }

    static FailureSubject of(CeremonyImportFailed event) {
        return ceremony(event.organization(), event.year());
    }

    static FailureSubject of(CeremonyImportResolved event) {
        return ceremony(event.organization(), event.year());
    }

    static FailureSubject of(ListEntryNotFound event) {
        return listMember(event.key(), event.imdbId());
    }

    static FailureSubject of(ListEntryFound event) {
        return listMember(event.key(), event.imdbId());
    }

    /** The source of a list's failures. */
    static String listSource(String key) {
        return ImportSource.list(key).value();
    }

    private static FailureSubject listMember(String key, String imdbId) {
        return new FailureSubject(listSource(key), imdbId);
    }

    private static FailureSubject ceremony(String organization, int year) {
        return new FailureSubject(ImportSource.festival(organization).value(), FestivalSubjects.ceremony(year));
    }
}
