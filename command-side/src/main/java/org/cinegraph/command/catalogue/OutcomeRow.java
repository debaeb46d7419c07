package org.cinegraph.command.catalogue;

import java.time.Instant;
import java.time.LocalDate;
import org.cinegraph.command.tmdb.ContentHash;
import org.cinegraph.command.tmdb.TitleKey;
import org.cinegraph.events.MovieImportFailed;
import org.cinegraph.events.MovieImportOutcome;
import org.cinegraph.events.MovieImported;
import org.cinegraph.events.MovieSkipped;

/**
 * One outcome as {@code import_ledger_outcome} records it, made by the ledger from the outcome it is about to record,
 * or by a rebuild from the outcome's event: both give the same row, as the row holds only what the event says.
 *
 * @param recordedAt when it was recorded: the event's timestamp
 */
record OutcomeRow(int tmdbId, Integer year, MovieOutcome.Kind kind, byte[] contentHash, String source, String imdbId,
                  String titleKey, Integer releaseYear, Instant recordedAt) {

    /**
     * The row of an outcome about to be recorded. Only an import's event carries the movie's release date, so a skip
     * keeps no release year: a rebuild from its event could not give it back.
     */
    static OutcomeRow of(MovieOutcome outcome, Instant recordedAt) {
        LocalDate releaseDate = outcome.kind() == MovieOutcome.Kind.IMPORTED ? outcome.releaseDate() : null;
        return new OutcomeRow(outcome.tmdbId(), outcome.year(), outcome.kind(), outcome.contentHash(),
                outcome.source().value(), outcome.imdbId(), TitleKey.of(outcome.title()), yearOf(releaseDate),
                recordedAt);
    }

    /** The row the outcome's event recorded, at the event's timestamp. */
    static OutcomeRow of(MovieImportOutcome event, Instant recordedAt) {
        if (event instanceof MovieImported imported) {
            return new OutcomeRow(imported.tmdbId(), imported.year(), MovieOutcome.Kind.IMPORTED,
                    ContentHash.of(imported.tmdbData()), imported.source(), imported.imdbId(),
                    TitleKey.of(imported.title()), yearOf(imported.releaseDate()), recordedAt);
        }
        if (event instanceof MovieSkipped skipped) {
            return new OutcomeRow(skipped.tmdbId(), skipped.year(), MovieOutcome.Kind.SKIPPED, null, skipped.source(),
                    skipped.imdbId(), TitleKey.of(skipped.title()), null, recordedAt);
        }
        MovieImportFailed failed = (MovieImportFailed) event;
        return new OutcomeRow(failed.tmdbId(), failed.year(), MovieOutcome.Kind.FAILED, null, failed.source(),
                failed.imdbId(), TitleKey.of(failed.title()), null, recordedAt);
    }

    private static Integer yearOf(LocalDate date) {
        return date == null ? null : date.getYear();
    }
}
