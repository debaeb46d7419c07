package org.cinegraph.command.yearimport;

/** A year's distinct discovered movies and their outcomes so far. */
record YearCounts(int discovered, int imported, int skipped, int failed) {

    boolean everyMovieHasItsOutcome() {
        return discovered == imported + skipped + failed;
    }
}
