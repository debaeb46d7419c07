package org.cinegraph.events;

import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A movie failed the quality filter and was not imported.
 *
 * @param imdbId the IMDb id TMDb's details gave, or null when TMDb has none; festival nominations and IMDb
 *     lists are matched by it. Added in revision 2: revision 1 events read back with null.
 * @param criteriaFailed the names of the criteria it failed ({@code has_poster}, {@code has_votes}, ...)
 */
@Revision("2")
public record MovieSkipped(
        int tmdbId,
        String imdbId,
        String title,
        Integer year,
        String source,
        String reason,
        List<String> criteriaFailed) implements MovieImportOutcome {

    public static final String QUALITY_FILTER = "quality_filter";
}
