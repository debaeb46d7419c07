package org.cinegraph.events;

import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A nomination's film could not be matched to a TMDb movie this time. The nomination stays recorded, with no
 * movie; a retry, or the movie's import later, may match it.
 *
 * @param filmYear the year its film was released in, as far as the ceremony tells (the year before it)
 * @param imdbId the film's IMDb id when the Academy's data gives one, else null
 * @param reason {@code no_tmdb_match}, {@code not_found}, {@code http_error} or {@code malformed_response}
 * @param attempt how many times it has been tried, this one included
 * @param message what went wrong, in words for a person; never a secret
 */
@Revision("1")
public record NominationMatchFailed(String organization, int year, String category, String film, List<String> names,
                                    String detail, int filmYear, String imdbId, String reason, int attempt,
                                    String message) implements NominationEvent {

    public NominationMatchFailed {
        names = List.copyOf(names);
    }
}
