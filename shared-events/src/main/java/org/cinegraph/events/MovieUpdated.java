package org.cinegraph.events;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * TMDb's record of an imported movie changed: {@code tmdbData} is its new answer, exactly as received,
 * replacing the one imported before.
 */
@Revision("1")
public record MovieUpdated(int tmdbId, String imdbId, String title, LocalDate releaseDate, String tmdbData) {
}
