package org.cinegraph.command.tmdb;

import java.util.List;

/** One page of TMDb's discover: what it held, and how many pages and movies the whole query has. */
public record DiscoverPage(int page, int totalPages, int totalResults, List<DiscoveredMovie> movies) {
}
