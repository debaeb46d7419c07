package org.cinegraph.events;

/**
 * The one outcome a movie's import has: imported, skipped by the quality filter, or failed (a failure may
 * later be replaced by one of the others). Sealed, so a switch over the outcomes is exhaustive.
 */
public sealed interface MovieImportOutcome permits MovieImported, MovieSkipped, MovieImportFailed {

    int tmdbId();

    /** The year whose import decided it, or null outside a year import. */
    Integer year();

    /** What imported it: {@code year_import}, {@code list:{key}} or {@code festival:{org}}. */
    String source();
}
