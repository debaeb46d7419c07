package org.cinegraph.command.catalogue;

/**
 * A movie the importer recorded an outcome for, as its ledger knows it.
 *
 * @param imdbId null when TMDb gave none (or its import failed before TMDb's record came)
 */
public record KnownMovie(int tmdbId, String imdbId, MovieOutcome.Kind kind) {

    /** Imported into the catalogue (else skipped by the quality filter, or failed). */
    public boolean imported() {
        return kind == MovieOutcome.Kind.IMPORTED;
    }
}
