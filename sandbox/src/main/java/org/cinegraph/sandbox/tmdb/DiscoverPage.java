package org.cinegraph.sandbox.tmdb;

import java.util.List;

import org.cinegraph.sandbox.catalogue.SandboxMovie;

/** One page of a discover or search answer; the totals count every matching movie, also beyond page 500. */
record DiscoverPage(int page, List<SandboxMovie> results, int totalResults) {

    static final int SIZE = 20;

    int totalPages() {
        return (totalResults + SIZE - 1) / SIZE;
    }
}
