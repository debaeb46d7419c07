package org.cinegraph.events;

/** Read TMDb's count of all its movies again, once the work in progress is recorded. */
public record RefreshTmdbTotal() {
}
