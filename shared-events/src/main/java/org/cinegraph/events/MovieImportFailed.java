package org.cinegraph.events;

import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A movie could not be imported.
 *
 * @param reason {@code not_found}, {@code malformed_response}, {@code http_error} or {@code no_tmdb_match}
 * @param attempt how many times its import has been tried, this one included
 * @param detail what went wrong, in words for a person; never a secret
 */
@Revision("1")
public record MovieImportFailed(
        int tmdbId,
        String imdbId,
        String title,
        Integer year,
        String source,
        String reason,
        int attempt,
        String detail) implements MovieImportOutcome {

    public static final String NOT_FOUND = "not_found";
    public static final String MALFORMED_RESPONSE = "malformed_response";
    public static final String HTTP_ERROR = "http_error";
    public static final String NO_TMDB_MATCH = "no_tmdb_match";
    public static final List<String> REASONS = List.of(NOT_FOUND, MALFORMED_RESPONSE, HTTP_ERROR, NO_TMDB_MATCH);
}
