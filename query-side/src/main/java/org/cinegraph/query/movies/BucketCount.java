package org.cinegraph.query.movies;

import java.time.Instant;

/** How many movies had an outcome in the bucket of time that begins at {@code start}. */
interface BucketCount {

    Instant getStart();

    long getMovies();
}
