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
 * @param releaseDate   null for a movie TMDb has no release date for (one of the catalogue's extras)
 * @param overview      empty for some low-quality movies, as on TMDb
 * @param adult         TMDb's adult flag: discover lists such entries only when asked to include them
 * @param video         TMDb's video flag, set on entries that are videos rather than films, such as a
 *                      recorded concert; discover lists them only when asked to include them
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
        String overview,
        boolean adult,
        boolean video) {

    public SandboxMovie {
        genreIds = List.copyOf(genreIds);
    }

    public SandboxMovie withPopularity(double otherPopularity) {
        return new SandboxMovie(tmdbId, imdbId, title, originalTitle, originalLanguage, originCountry, releaseDate,
                otherPopularity, voteCount, voteAverage, posterPath, backdropPath, genreIds, overview, adult, video);
    }
}
