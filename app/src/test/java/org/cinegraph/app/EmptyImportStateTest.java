package org.cinegraph.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Year;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** A fresh database of its own: before anything is imported the state is unknowns and zeros. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {"cinegraph.data-dir=target/test-data/empty-${random.uuid}", "cinegraph.import.last-year=2000"})
class EmptyImportStateTest {

    @Autowired
    private TestRestTemplate http;

    @Test
    void nothingImportedYetMeansNullsAndZeros() {
        JsonNode state = http.getForObject("/api/import/state", JsonNode.class);

        assertThat(state.get("tmdbTotalMovies").isNull()).isTrue();
        assertThat(state.get("ourTotalMovies").asLong()).isZero();
        assertThat(state.get("moviesRemaining").isNull()).isTrue();
        assertThat(state.get("completionPercentage").isNull()).isTrue();
        assertThat(state.get("lastPageProcessed").isNull()).isTrue();
        assertThat(state.get("lastFullSync").isNull()).isTrue();
        assertThat(state.get("lastUpdateCheck").isNull()).isTrue();
        assertThat(state.get("currentImportYear").isNull()).isTrue();
        assertThat(state.get("lastCompletedYear").isNull()).isTrue();
    }

    @Test
    void theOnlyYearListedIsTheNextOneAsPending() {
        JsonNode years = http.getForObject("/api/import/years", JsonNode.class).get("years");

        assertThat(years).hasSize(1);
        assertThat(years.get(0).get("year").asInt()).isEqualTo(Year.now(ZoneOffset.UTC).getValue());
        assertThat(years.get(0).get("status").asText()).isEqualTo("pending");
        assertThat(years.get(0).get("startedAt").isNull()).isTrue();
    }
}
