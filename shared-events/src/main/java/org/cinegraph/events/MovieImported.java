package org.cinegraph.events;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * A movie passed the quality filter and its whole TMDb record was imported.
 *
 * @param year the year whose import found it, or null outside a year import
 * @param source what imported it: {@code year_import}, {@code list:{key}} or {@code festival:{org}}
 * @param tmdbData TMDb's answer exactly as received, so any field can be extracted later without asking TMDb
 */
@Revision("1")
public record MovieImported(
        int tmdbId,
        String imdbId,
        String title,
        LocalDate releaseDate,
        Integer year,
        String source,
        String tmdbData) implements MovieImportOutcome {
}
