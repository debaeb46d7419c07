package org.cinegraph.query.movies;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A movie as lists show it: {@code runtime} in minutes and {@code originalLanguage} (ISO 639-1) as TMDb gives them;
 * {@code removedFromTmdbAt} since when TMDb's export no longer lists it, null while it does.
 */
record MovieSummary(int tmdbId, String imdbId, String title, LocalDate releaseDate, Double popularity,
                    Integer voteCount, Integer runtime, String originalLanguage, Instant removedFromTmdbAt) {
}
