package org.cinegraph.command.catalogue;

import java.time.LocalDate;
import java.util.function.IntFunction;
import org.cinegraph.events.ImportSource;
import org.cinegraph.events.MovieImportOutcome;

/**
 * The outcome of one movie's import, not yet recorded. Its event is made once the ledger knows which
 * attempt this is. {@code contentHash} is the imported record's {@link org.cinegraph.command.tmdb.ContentHash},
 * null unless imported: the delta sync compares TMDb's later answers with it. {@code imdbId}, {@code title} and
 * {@code releaseDate} are what TMDb said of the movie (null where it said nothing, or failed): the ledger keeps
 * them to find the movie again for a festival nomination or a canonical list, as far as the outcome's event carries
 * them ({@link OutcomeRow}).
 *
 * @param year the year whose import found it, or null outside a year import
 * @param source what imported it
 */
public record MovieOutcome(int tmdbId, Integer year, ImportSource source, Kind kind, byte[] contentHash, String imdbId,
                           String title, LocalDate releaseDate, IntFunction<MovieImportOutcome> event) {

    public enum Kind {
        IMPORTED, SKIPPED, FAILED;

        String column() {
            return name().toLowerCase();
        }
    }
}
