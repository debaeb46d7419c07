package org.cinegraph.events;

import org.axonframework.serialization.Revision;

/**
 * A canonical list's member could not be found in TMDb this time. It stays a member, with no movie; a retry, or
 * the movie's import later, may find it.
 *
 * @param title its title as the list's export gives it, else null
 * @param year its year as the list's export gives it, else null
 * @param reason {@code no_tmdb_match} (TMDb knows no movie of this IMDb id), {@code not_found},
 *     {@code http_error} or {@code malformed_response}
 * @param attempt how many times it has been looked up, this one included
 * @param message what went wrong, in words for a person; never a secret
 */
@Revision("1")
public record ListEntryNotFound(String key, String imdbId, String title, Integer year, String reason, int attempt,
                                String message) {
}
