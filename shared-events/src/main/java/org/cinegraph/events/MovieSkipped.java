package org.cinegraph.events;

import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A movie failed the quality filter and was not imported.
 *
 * @param criteriaFailed the names of the criteria it failed ({@code has_poster}, {@code has_votes}, ...)
 */
@Revision("1")
public record MovieSkipped(
        int tmdbId,
        String title,
        Integer year,
        String source,
        String reason,
        List<String> criteriaFailed) implements MovieImportOutcome {

    public static final String QUALITY_FILTER = "quality_filter";
}
