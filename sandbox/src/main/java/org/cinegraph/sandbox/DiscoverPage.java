package org.cinegraph.sandbox;

import java.util.List;

/** One page of a discover or search answer; the totals count every matching movie, also beyond page 500. */
record DiscoverPage(int page, List<SandboxMovie> results, int totalResults) {

    static final int SIZE = 20;

    int totalPages() {
        return (totalResults + SIZE - 1) / SIZE;
    }
}
