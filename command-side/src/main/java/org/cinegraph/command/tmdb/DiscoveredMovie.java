package org.cinegraph.command.tmdb;

import java.time.LocalDate;

/** A movie as discover lists it; {@code releaseDate} is null when TMDb has none. */
public record DiscoveredMovie(int tmdbId, String title, LocalDate releaseDate) {
}
