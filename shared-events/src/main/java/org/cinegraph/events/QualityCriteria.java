package org.cinegraph.events;

import java.util.List;

/** The names of the quality criteria, as {@link MovieSkipped#criteriaFailed()} and the API use them. */
public final class QualityCriteria {

    public static final String HAS_POSTER = "has_poster";
    public static final String HAS_VOTES = "has_votes";
    public static final String HAS_POPULARITY = "has_popularity";
    public static final String HAS_RELEASE_DATE = "has_release_date";
    public static final List<String> ALL = List.of(HAS_POSTER, HAS_VOTES, HAS_POPULARITY, HAS_RELEASE_DATE);

    private QualityCriteria() {
    }
}
