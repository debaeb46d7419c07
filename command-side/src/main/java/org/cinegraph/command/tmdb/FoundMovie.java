package org.cinegraph.command.tmdb;

import java.time.LocalDate;

/** A movie as TMDb's {@code /find} and {@code /search/movie} list it: enough to judge whether it is the one meant. */
public record FoundMovie(int tmdbId, String title, String originalTitle, LocalDate releaseDate, double popularity) {
}
