package org.cinegraph.command.yearimport;

import java.util.function.IntFunction;
import org.cinegraph.events.MovieImportOutcome;

/**
 * The outcome of one movie's import, not yet recorded. Its event is made once the ledger knows which
 * attempt this is. {@code contentHash} is the imported record's {@link org.cinegraph.command.tmdb.ContentHash},
 * null unless imported: the delta sync compares TMDb's later answers with it.
 */
record MovieOutcome(int tmdbId, Integer year, Kind kind, byte[] contentHash, IntFunction<MovieImportOutcome> event) {

    enum Kind {
        IMPORTED, SKIPPED, FAILED;

        String column() {
            return name().toLowerCase();
        }
    }
}
