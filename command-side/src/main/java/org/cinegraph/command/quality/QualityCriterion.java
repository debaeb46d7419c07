package org.cinegraph.command.quality;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.BiPredicate;
import org.cinegraph.events.QualityCriteria;

/** The quality criteria, by the names the API and the events use. */
public enum QualityCriterion {
    HAS_POSTER(QualityCriteria.HAS_POSTER, (movie, rules) -> hasText(movie.path("poster_path"))),
    HAS_VOTES(QualityCriteria.HAS_VOTES, (movie, rules) -> movie.path("vote_count").asLong(0) >= rules.minVoteCount()),
    HAS_POPULARITY(QualityCriteria.HAS_POPULARITY, (movie, rules) -> movie.path("popularity").asDouble(0) >= rules.minPopularity()),
    HAS_RELEASE_DATE(QualityCriteria.HAS_RELEASE_DATE, (movie, rules) -> hasText(movie.path("release_date")));

    private final String apiName;
    private final BiPredicate<JsonNode, QualityRules> passes;

    QualityCriterion(String apiName, BiPredicate<JsonNode, QualityRules> passes) {
        this.apiName = apiName;
        this.passes = passes;
    }

    public String apiName() {
        return apiName;
    }

    boolean passes(JsonNode movie, QualityRules rules) {
        return passes.test(movie, rules);
    }

    private static boolean hasText(JsonNode value) {
        return value.isTextual() && !value.asText().isBlank();
    }
}
