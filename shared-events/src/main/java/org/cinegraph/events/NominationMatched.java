package org.cinegraph.events;

import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A nomination's film is this TMDb movie. The nomination is known as {@link NominationRecorded} named it.
 *
 * @param imdbId the film's IMDb id, or null when neither the Academy's data nor TMDb gives one
 * @param method how it was matched: {@code imdb_id}, {@code title_year}, {@code search}, or
 *     {@code imported} (the movie was imported after the nomination was recorded)
 */
@Revision("1")
public record NominationMatched(String organization, int year, String category, String film, List<String> names,
                                String detail, int tmdbId, String imdbId, String method) implements NominationEvent {

    public static final String BY_IMDB_ID = "imdb_id";
    public static final String BY_TITLE_AND_YEAR = "title_year";
    public static final String BY_SEARCH = "search";
    public static final String BY_LATER_IMPORT = "imported";

    public NominationMatched {
        names = List.copyOf(names);
    }
}
