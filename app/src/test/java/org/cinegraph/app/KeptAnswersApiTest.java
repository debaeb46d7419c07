package org.cinegraph.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.cinegraph.events.MovieImported;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The dashboard's hottest reads are answered from memory between a projection's commits, and never older than its
 * last one: once a movie's row is in the table, the very next read counts it. On an application of its own, as it
 * imports movies of its own making.
 */
@ApplicationTest
@TestPropertySource(properties = "cinegraph.data-dir=target/test-data/kept-answers-${random.uuid}")
class KeptAnswersApiTest {

    private static final int YEAR = 1990;

    @Autowired
    private TestRestTemplate http;
    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private EventGateway events;
    @Autowired
    private TransactionTemplate transactions;

    @Test
    void theNextReadAfterAProjectionCommitsAnswersWhatItWrote() {
        for (int i = 0; i < 5; i++) {
            long movies = importState().get("ourTotalMovies").asLong();
            long ofTheYear = moviesOfTheYear().get("total").asLong();
            // Kept: a change made behind the projections' back, which counts no commit, is not read.
            changeCountBehindTheProjections(1_000);
            try {
                assertThat(importState().get("ourTotalMovies").asLong()).as("answered from memory")
                        .isEqualTo(movies);
            } finally {
                changeCountBehindTheProjections(-1_000);
            }

            int tmdbId = 970_000_000 + i;
            transactions.executeWithoutResult(status -> events.publish(new MovieImported(tmdbId, null,
                    "Zzq Kept Answer " + tmdbId, LocalDate.of(YEAR, 6, 1), YEAR, "year_import",
                    "{\"id\":" + tmdbId + ",\"popularity\":" + (10_000 + tmdbId) + "}")));
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                    "SELECT count(*) FROM movies WHERE tmdb_id = :id").param("id", tmdbId).query(Long.class)
                    .single() == 1);

            // No waiting here: the row is committed, so is what it changed in every answer.
            assertThat(importState().get("ourTotalMovies").asLong()).isEqualTo(movies + 1);
            JsonNode page = moviesOfTheYear();
            assertThat(page.get("total").asLong()).isEqualTo(ofTheYear + 1);
            assertThat(page.get("items").get(0).get("tmdbId").asInt()).as("the most popular").isEqualTo(tmdbId);
        }
    }

    @Test
    void aReplaysSwapCountsACommit() {
        int tmdbId = 970_100_000;
        transactions.executeWithoutResult(status -> events.publish(new MovieImported(tmdbId, null,
                "Zzq Kept Replay", LocalDate.of(YEAR, 7, 1), YEAR, "year_import", "{\"id\":" + tmdbId + "}")));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("SELECT count(*) FROM movies WHERE tmdb_id = :id")
                .param("id", tmdbId).query(Long.class).single() == 1);
        long movies = importState().get("ourTotalMovies").asLong();
        // A wrong count, kept: written behind the projections, then counted as a commit.
        changeCountBehindTheProjections(1_000);
        ReadModels.writtenBehindTheProjections(jdbc);
        assertThat(importState().get("ourTotalMovies").asLong()).isEqualTo(movies + 1_000);

        assertThat(http.withBasicAuth("admin", ApplicationTest.ADMIN_PASSWORD).postForEntity(
                "/api/admin/projections/movies/replay", null, String.class).getStatusCode())
                .isEqualTo(HttpStatus.ACCEPTED);
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            for (JsonNode projection : http.getForObject("/api/projections", JsonNode.class)) {
                if (projection.path("name").asText().equals("movies")) {
                    return projection.path("rebuild").path("state").asText().equals("completed");
                }
            }
            return false;
        });

        assertThat(importState().get("ourTotalMovies").asLong()).as("the rebuilt count, read after the swap")
                .isEqualTo(movies);
    }

    private void changeCountBehindTheProjections(int movies) {
        jdbc.sql("UPDATE movie_counts SET movies = movies + :movies WHERE counter = 'imported'").param("movies", movies)
                .update();
    }

    private JsonNode importState() {
        return http.getForObject("/api/import/state", JsonNode.class);
    }

    private JsonNode moviesOfTheYear() {
        return http.getForObject("/api/movies?year=" + YEAR + "&limit=5", JsonNode.class);
    }
}
