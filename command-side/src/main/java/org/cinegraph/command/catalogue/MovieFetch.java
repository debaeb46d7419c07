package org.cinegraph.command.catalogue;

import org.cinegraph.command.quality.QualityFilter;
import org.cinegraph.command.tmdb.ContentHash;
import org.cinegraph.command.tmdb.TmdbClient;
import org.cinegraph.command.tmdb.TmdbCredentialsRejectedException;
import org.cinegraph.command.tmdb.TmdbMalformedResponseException;
import org.cinegraph.command.tmdb.TmdbMovie;
import org.cinegraph.command.tmdb.TmdbNotFoundException;
import org.cinegraph.events.ImportSource;
import org.cinegraph.events.MovieImportFailed;
import org.cinegraph.events.MovieImported;
import org.cinegraph.events.MovieSkipped;
import org.springframework.stereotype.Component;

/**
 * Fetches one movie's whole record and judges it by the quality filter: the one pipeline every import goes
 * through, whether a year's discover, a festival nomination or a canonical list found the movie.
 */
@Component
public class MovieFetch {

    private final TmdbClient tmdb;
    private final QualityFilter quality;

    MovieFetch(TmdbClient tmdb, QualityFilter quality) {
        this.tmdb = tmdb;
        this.quality = quality;
    }

    /**
     * @param knownTitle the title the finder listed it with, kept on a failure, when TMDb's record never came
     * @return its outcome; null when the fetch was interrupted (the node is stopping): no outcome at all
     * @throws TmdbCredentialsRejectedException when TMDb refuses the credentials: no movie can be imported
     */
    public MovieOutcome fetch(int tmdbId, String knownTitle, Integer year, ImportSource source) {
        try {
            TmdbMovie movie = tmdb.movie(tmdbId);
            QualityFilter.Verdict verdict = quality.judge(movie.record());
            if (verdict.passes()) {
                return new MovieOutcome(tmdbId, year, source, MovieOutcome.Kind.IMPORTED, ContentHash.of(movie.record()),
                        movie.imdbId(), movie.title(), movie.releaseDate(), attempt -> new MovieImported(tmdbId,
                        movie.imdbId(), movie.title(), movie.releaseDate(), year, source.value(), movie.json()));
            }
            return new MovieOutcome(tmdbId, year, source, MovieOutcome.Kind.SKIPPED, null, movie.imdbId(),
                    movie.title(), movie.releaseDate(), attempt -> new MovieSkipped(tmdbId, movie.imdbId(),
                    movie.title(), year, source.value(), MovieSkipped.QUALITY_FILTER, verdict.failedNames()));
        } catch (TmdbCredentialsRejectedException e) {
            throw e;
        } catch (TmdbNotFoundException e) {
            return failed(tmdbId, knownTitle, year, source, MovieImportFailed.NOT_FOUND, e);
        } catch (TmdbMalformedResponseException e) {
            return failed(tmdbId, knownTitle, year, source, MovieImportFailed.MALFORMED_RESPONSE, e);
        } catch (RuntimeException e) {
            if (Thread.currentThread().isInterrupted()) {
                return null;
            }
            return failed(tmdbId, knownTitle, year, source, MovieImportFailed.HTTP_ERROR, e);
        }
    }

    private MovieOutcome failed(int tmdbId, String title, Integer year, ImportSource source, String reason,
                                RuntimeException error) {
        String detail = tmdb.describe(error);
        return new MovieOutcome(tmdbId, year, source, MovieOutcome.Kind.FAILED, null, null, title, null,
                attempt -> new MovieImportFailed(tmdbId, null, title, year, source.value(), reason, attempt,
                        detail));
    }
}
