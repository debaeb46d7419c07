package org.cinegraph.sandbox.faults;

import java.util.Set;
import java.util.function.IntPredicate;

import org.cinegraph.sandbox.catalogue.Draws;

/**
 * Chooses the movies a details fault hits: named ones, or a share of all picked by a stable hash of the
 * TMDb id rather than by chance, so that the same settings hit the same movies on every run.
 */
final class MovieSelection {

    private MovieSelection() {
    }

    static IntPredicate of(Set<Integer> tmdbIds) {
        Set<Integer> named = Set.copyOf(tmdbIds);
        return named::contains;
    }

    /**
     * @param salt tells one fault's share from another's: with a common hash, a smaller share would always
     *             lie inside a larger one, and a movie both deleted and malformed would only show deleted
     */
    static IntPredicate fraction(double fraction, long salt) {
        if (!(fraction >= 0.0 && fraction <= 1.0)) {
            throw new IllegalArgumentException("A fraction of the movies must be within 0..1, not " + fraction);
        }
        return tmdbId -> new Draws(salt, tmdbId).nextDouble() < fraction;
    }
}
