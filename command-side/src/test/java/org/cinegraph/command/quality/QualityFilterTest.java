package org.cinegraph.command.quality;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class QualityFilterTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final QualityFilter filter = new QualityFilter(new QualityRules(10, 0.5, 2));

    @Test
    void aMovieThatPassesEveryCriterionIsImported() {
        QualityFilter.Verdict verdict = filter.judge(movie("/p.jpg", 10, 0.5, "2024-05-01"));

        assertThat(verdict.passes()).isTrue();
        assertThat(verdict.failed()).isEmpty();
    }

    @Test
    void thresholdsAreInclusive() {
        assertThat(filter.judge(movie(null, 10, 0.5, null)).failedNames())
                .containsExactly("has_poster", "has_release_date");
    }

    @Test
    void justBelowTheThresholdsTheCriteriaFail() {
        assertThat(filter.judge(movie("/p.jpg", 9, 0.4999, "2024-05-01")).failedNames())
                .containsExactly("has_votes", "has_popularity");
    }

    @Test
    void exactlyMinCriteriaPassingIsEnough() {
        QualityFilter.Verdict verdict = filter.judge(movie("/p.jpg", 0, 0.1, "2024-05-01"));

        assertThat(verdict.passes()).isTrue();
        assertThat(verdict.failedNames()).containsExactly("has_votes", "has_popularity");
    }

    @Test
    void oneFewerThanMinCriteriaIsSkippedWithTheCriteriaItFailed() {
        QualityFilter.Verdict verdict = filter.judge(movie(null, 0, 0.1, "2024-05-01"));

        assertThat(verdict.passes()).isFalse();
        assertThat(verdict.failedNames()).containsExactly("has_poster", "has_votes", "has_popularity");
    }

    @Test
    void missingEmptyAndWrongTypedFieldsFail() {
        JsonNode sparse = JSON.createObjectNode().put("poster_path", "").put("release_date", " ")
                .put("vote_count", "many");

        assertThat(filter.judge(sparse).failedNames())
                .containsExactly("has_poster", "has_votes", "has_popularity", "has_release_date");
    }

    @Test
    void theRulesComeFromConfiguration() {
        QualityFilter strict = new QualityFilter(new QualityRules(1000, 50, 4));

        QualityFilter.Verdict verdict = strict.judge(movie("/p.jpg", 999, 60, "2024-05-01"));

        assertThat(verdict.passes()).isFalse();
        assertThat(verdict.failedNames()).containsExactly("has_votes");
    }

    private static JsonNode movie(String poster, long votes, double popularity, String releaseDate) {
        return JSON.createObjectNode()
                .put("poster_path", poster)
                .put("vote_count", votes)
                .put("popularity", popularity)
                .put("release_date", releaseDate);
    }
}
