package org.cinegraph.events;

import org.axonframework.serialization.Revision;

/**
 * A canonical list's member is this TMDb movie: TMDb knows its IMDb id. The movie itself is imported (or skipped
 * by the quality filter) through the year import's pipeline, as its own events tell.
 *
 * @param method how it was found: {@code known} (among the movies imported or skipped before), {@code find}
 *     (TMDb's {@code /find}), or {@code imported} (the movie was imported after the list was)
 */
@Revision("1")
public record ListEntryFound(String key, String imdbId, int tmdbId, String method) {

    public static final String AMONG_KNOWN = "known";
    public static final String BY_FIND = "find";
    public static final String BY_LATER_IMPORT = "imported";
}
