package org.cinegraph.events;

/** A window of a year's discovery plan, with what TMDb counted in it when the plan was made. */
public record PlannedWindow(DateWindow window, int totalResults, int totalPages) {
}
