package org.cinegraph.command.tmdb;

import java.util.List;

/** One page of TMDb's movie change feed: the ids of movies changed in the asked days. */
public record ChangesPage(int page, int totalPages, List<Integer> tmdbIds) {
}
