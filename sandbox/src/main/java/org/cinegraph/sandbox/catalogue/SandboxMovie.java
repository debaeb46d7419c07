package org.cinegraph.sandbox.catalogue;

import java.time.LocalDate;
import java.util.List;

/**
 * One movie of the sandbox catalogue, holding what TMDb's discover endpoint shows; the details endpoint
 * derives its richer body from these values, so both answers always agree.
 *
 * @param imdbId        null for a few movies, as on TMDb
 * @param originCountry ISO 3166-1 code of the producing country, which discover does not show but
 *                      details, certifications and release dates follow
 * @param posterPath    null for movies that should fail the importer's poster criterion
 * @param backdropPath  null for some movies, never set when the poster is missing
 * @param overview      empty for some low-quality movies, as on TMDb
 */
public record SandboxMovie(
        int tmdbId,
        String imdbId,
        String title,
        String originalTitle,
        String originalLanguage,
        String originCountry,
        LocalDate releaseDate,
        double popularity,
        int voteCount,
        double voteAverage,
        String posterPath,
        String backdropPath,
        List<Integer> genreIds,
        String overview) {

    public SandboxMovie {
        genreIds = List.copyOf(genreIds);
    }

    public SandboxMovie withPopularity(double otherPopularity) {
        return new SandboxMovie(tmdbId, imdbId, title, originalTitle, originalLanguage, originCountry, releaseDate,
                otherPopularity, voteCount, voteAverage, posterPath, backdropPath, genreIds, overview);
    }
}
