package org.cinegraph.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

@ApplicationTest
class ProjectionStatusApiTest {

    @Autowired
    private TestRestTemplate http;

    @Test
    void everyProjectionShowsHowFarItHasComeThroughTheEvents() {
        // A year of its own: the application is shared with other tests that count on the years they use.
        http.withBasicAuth("admin", ApplicationTest.ADMIN_PASSWORD)
                .postForEntity("/api/admin/imports/years/1961", null, String.class);

        JsonNode projections = await().atMost(Duration.ofSeconds(60)).until(
                () -> http.getForObject("/api/projections", JsonNode.class),
                all -> all.size() == 8 && all.findValuesAsText("caughtUp").stream().allMatch("true"::equals));

        assertThat(projections.findValuesAsText("name")).containsExactly(
                "festivals", "health-alerts", "import-failures", "import-state", "lists", "movies", "skipped-imports",
                "year-progress");
        for (JsonNode projection : projections) {
            assertThat(projection.get("head").asLong()).isPositive();
            assertThat(projection.get("position").asLong()).isEqualTo(projection.get("head").asLong());
            assertThat(projection.get("lag").asLong()).isZero();
            assertThat(projection.get("replaying").asBoolean()).isFalse();
        }
    }
}
