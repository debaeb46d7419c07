package org.cinegraph.events;

import java.time.LocalDate;

/** A movie as a discover page listed it; {@code releaseDate} is null when TMDb has none. */
public record ListedMovie(int tmdbId, String title, LocalDate releaseDate) {
}
