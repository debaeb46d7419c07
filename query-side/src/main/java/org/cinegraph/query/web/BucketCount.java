package org.cinegraph.query.web;

import java.time.Instant;

/**
 * How many movies had an outcome in the bucket of time that begins at {@code start}, as a repository of each outcome's
 * table counts them for the import's activity.
 */
public interface BucketCount {

    Instant getStart();

    long getMovies();
}
