package org.cinegraph.sandbox.tmdb;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntPredicate;

/**
 * Deletes movies from TMDb while a client pages through discover, as happens to a client reading a date
 * window page by page: once a movie on a page already read is gone, every later movie moves back one
 * place, and the first of the next page slides onto the page read before. Discover counts its requests
 * here, one for each request it gets; after the first {@code afterDiscoverRequests} of them the movies are
 * missing from every discover answer, and the details fault asks here whether a movie is gone yet.
 */
public final class DeletionsDuringDiscovery {

    private volatile Deletion deletion;

    /** Switches on, counting afresh; the predicate tells whether a TMDb id is gone yet. */
    public IntPredicate start(Set<Integer> tmdbIds, int afterDiscoverRequests) {
        Deletion started = new Deletion(Set.copyOf(tmdbIds), afterDiscoverRequests);
        deletion = started;
        return started::gone;
    }

    public void stop() {
        deletion = null;
    }

    /** Counts a discover request; what it must leave out, by TMDb id, or empty while nothing is gone. */
    Optional<IntPredicate> nextDiscoverRequest() {
        Deletion current = deletion;
        return current == null ? Optional.empty() : current.nextDiscoverRequest();
    }

    private static final class Deletion {

        private final Set<Integer> tmdbIds;
        private final int afterDiscoverRequests;
        private final AtomicLong discoverRequests = new AtomicLong();

        Deletion(Set<Integer> tmdbIds, int afterDiscoverRequests) {
            this.tmdbIds = tmdbIds;
            this.afterDiscoverRequests = afterDiscoverRequests;
        }

        Optional<IntPredicate> nextDiscoverRequest() {
            return discoverRequests.getAndIncrement() >= afterDiscoverRequests
                    ? Optional.of(tmdbIds::contains)
                    : Optional.empty();
        }

        boolean gone(int tmdbId) {
            return discoverRequests.get() >= afterDiscoverRequests && tmdbIds.contains(tmdbId);
        }
    }
}
