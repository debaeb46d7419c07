package org.cinegraph.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cinegraph.app.ProblemAssertions.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/**
 * {@code GET /api/import/vocabulary}: the values the filters of skipped movies and failures take, which the
 * dashboard offers in its filter forms. Each one it answers is a filter the API accepts.
 */
@ApplicationTest
class ImportVocabularyApiTest {

    @Autowired
    private TestRestTemplate http;

    @Test
    void theVocabularyIsTheQualityCriteriaTheFailureReasonsAndTheFixedSources() {
        JsonNode vocabulary = http.getForObject("/api/import/vocabulary", JsonNode.class);

        List<String> fields = new ArrayList<>();
        vocabulary.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("criteria", "failureReasons", "sources");
        assertThat(texts(vocabulary.get("criteria")))
                .containsExactly("has_poster", "has_votes", "has_popularity", "has_release_date");
        assertThat(texts(vocabulary.get("failureReasons")))
                .containsExactly("not_found", "malformed_response", "http_error", "no_tmdb_match");
        assertThat(texts(vocabulary.get("sources"))).containsExactly("year_import", "export", "festival:AMPAS");
    }

    @Test
    void everyWordOfTheVocabularyIsAFilterTheListsAccept() {
        JsonNode vocabulary = http.getForObject("/api/import/vocabulary", JsonNode.class);

        for (String criterion : texts(vocabulary.get("criteria"))) {
            assertThat(http.getForEntity("/api/import/skipped?criterion={c}", JsonNode.class, criterion)
                    .getStatusCode()).as(criterion).isEqualTo(HttpStatus.OK);
        }
        for (String reason : texts(vocabulary.get("failureReasons"))) {
            assertThat(http.getForEntity("/api/import/failures?reason={r}", JsonNode.class, reason)
                    .getStatusCode()).as(reason).isEqualTo(HttpStatus.OK);
        }
        for (String source : texts(vocabulary.get("sources"))) {
            assertThat(http.getForEntity("/api/import/failures?source={s}", JsonNode.class, source)
                    .getStatusCode()).as(source).isEqualTo(HttpStatus.OK);
        }
    }

    @Test
    void itTakesNothingSoAParameterChangesNothingAndAnotherMethodIsAProblemDetail() {
        JsonNode plain = http.getForObject("/api/import/vocabulary", JsonNode.class);

        assertThat(http.getForObject("/api/import/vocabulary?criterion=bogus&limit=-1", JsonNode.class))
                .isEqualTo(plain);
        for (HttpMethod method : List.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.DELETE)) {
            assertProblem(http.exchange("/api/import/vocabulary", method, null, JsonNode.class),
                    HttpStatus.METHOD_NOT_ALLOWED);
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(each -> texts.add(each.asText()));
        return texts;
    }
}
