package org.cinegraph.sandbox.tmdb;

import static java.util.Comparator.comparing;
import static java.util.Comparator.comparingDouble;
import static java.util.Comparator.comparingInt;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;

import org.cinegraph.sandbox.catalogue.SandboxMovie;

/**
 * The {@code sort_by} values the sandbox understands. Ties are broken by TMDb id ascending, whatever the
 * direction, so the order is total: a client paging through a window never sees a movie twice or misses
 * one because two movies swapped places between requests.
 */
enum DiscoverSort {
    POPULARITY_DESC("popularity.desc", comparingDouble(SandboxMovie::popularity).reversed()),
    POPULARITY_ASC("popularity.asc", comparingDouble(SandboxMovie::popularity)),
    RELEASE_DATE_DESC("primary_release_date.desc", comparing(SandboxMovie::releaseDate).reversed()),
    RELEASE_DATE_ASC("primary_release_date.asc", comparing(SandboxMovie::releaseDate)),
    VOTE_COUNT_DESC("vote_count.desc", comparingInt(SandboxMovie::voteCount).reversed()),
    VOTE_COUNT_ASC("vote_count.asc", comparingInt(SandboxMovie::voteCount)),
    VOTE_AVERAGE_DESC("vote_average.desc", comparingDouble(SandboxMovie::voteAverage).reversed()),
    VOTE_AVERAGE_ASC("vote_average.asc", comparingDouble(SandboxMovie::voteAverage)),
    ORIGINAL_TITLE_DESC("original_title.desc", comparing(SandboxMovie::originalTitle).reversed()),
    ORIGINAL_TITLE_ASC("original_title.asc", comparing(SandboxMovie::originalTitle)),
    TITLE_DESC("title.desc", comparing(SandboxMovie::title).reversed()),
    TITLE_ASC("title.asc", comparing(SandboxMovie::title));

    static final DiscoverSort DEFAULT = POPULARITY_DESC;

    private final String parameter;
    private final Comparator<SandboxMovie> order;

    DiscoverSort(String parameter, Comparator<SandboxMovie> key) {
        this.parameter = parameter;
        this.order = key.thenComparingInt(SandboxMovie::tmdbId);
    }

    static Optional<DiscoverSort> fromParameter(String parameter) {
        return Arrays.stream(values()).filter(sort -> sort.parameter.equals(parameter)).findFirst();
    }

    Comparator<SandboxMovie> order() {
        return order;
    }

    boolean ranksByPopularity() {
        return this == POPULARITY_DESC || this == POPULARITY_ASC;
    }
}
