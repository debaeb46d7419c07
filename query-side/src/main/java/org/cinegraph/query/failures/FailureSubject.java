package org.cinegraph.query.failures;

import java.util.List;
import org.cinegraph.events.CeremonyImportFailed;
import org.cinegraph.events.CeremonyImportResolved;
import org.cinegraph.events.ImportSource;
import org.cinegraph.events.ListEntryFound;
import org.cinegraph.events.ListEntryNotFound;
import org.cinegraph.events.NominationMatchFailed;
import org.cinegraph.events.NominationMatched;

/**
 * What a failure is of, within its source: a movie by its TMDb id, a festival nomination by its ceremony year,
 * category, film, names and detail (which is how its events name it), a festival's ceremony by its year, or a
 * list's member by its IMDb id.
 */
record FailureSubject(String source, String subject) {

    static FailureSubject movie(String source, int tmdbId) {
        return new FailureSubject(source, Integer.toString(tmdbId));
    }

    static FailureSubject of(NominationMatchFailed event) {
        return nomination(event.organization(), event.year(), event.category(), event.film(), event.names(),
                event.detail());
    }

    static FailureSubject of(NominationMatched event) {
        return nomination(event.organization(), event.year(), event.category(), event.film(), event.names(),
                event.detail());
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

    /** Fields joined as a nomination's are, so no ceremony's subject is a nomination's or a movie's. */
    private static FailureSubject ceremony(String organization, int year) {
        return new FailureSubject(ImportSource.festival(organization).value(), String.join("\u0001", "ceremony",
                Integer.toString(year)));
    }

    private static FailureSubject nomination(String organization, int year, String category, String film,
                                             List<String> names, String detail) {
        return new FailureSubject(ImportSource.festival(organization).value(), String.join("\u0001", "nomination",
                Integer.toString(year), category, String.valueOf(film), String.join("\u0002", names),
                String.valueOf(detail)));
    }
}
