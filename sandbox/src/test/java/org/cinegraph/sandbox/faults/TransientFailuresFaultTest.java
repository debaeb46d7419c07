package org.cinegraph.sandbox.faults;

import static org.assertj.core.api.Assertions.assertThat;

import org.cinegraph.sandbox.SandboxHttp.Reply;
import org.cinegraph.sandbox.SandboxServerTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TransientFailuresFaultTest extends SandboxServerTest {

    private static final String PAGE_THREE = "/discover/movie?primary_release_year=2025&page=3";

    @ParameterizedTest
    @CsvSource({"500, 11", "502, 11", "503, 9", "504, 24"})
    void theFirstAttemptsFailWithTmdbsBodyThenTheSameRequestSucceeds(int status, int statusCode) {
        server.faults().failFirstAttempts(2, status);

        Reply first = http.get(PAGE_THREE);
        Reply second = http.get(PAGE_THREE);
        Reply third = http.get(PAGE_THREE);
        Reply fourth = http.get(PAGE_THREE);

        assertThat(first.status()).isEqualTo(status);
        assertThat(second.status()).isEqualTo(status);
        assertThat(first.body().get("success").asBoolean(true)).isFalse();
        assertThat(first.body().get("status_code").asInt()).isEqualTo(statusCode);
        assertThat(first.body().get("status_message").asText()).isNotBlank();
        assertThat(third.status()).isEqualTo(200);
        assertThat(third.body().get("page").asInt()).isEqualTo(3);
        assertThat(fourth.body()).isEqualTo(third.body());
    }

    @Test
    void eachDistinctPathAndQueryFailsOnItsOwn() {
        server.faults().failFirstAttempts(1, 503);
        int movie = server.catalogue().movieIds(2025).iterator().next();

        assertThat(http.get(PAGE_THREE).status()).isEqualTo(503);
        assertThat(http.get(PAGE_THREE).status()).isEqualTo(200);
        assertThat(http.get("/discover/movie?primary_release_year=2025&page=4").status()).isEqualTo(503);
        assertThat(http.get("/movie/" + movie).status()).isEqualTo(503);
        assertThat(http.get("/movie/" + movie + "?append_to_response=credits").status()).isEqualTo(503);
        assertThat(http.get("/movie/" + movie).status()).isEqualTo(200);
        assertThat(http.get("/configuration").status()).isEqualTo(503);
        assertThat(http.get("/discover/movie?page=3&primary_release_year=2025").status())
                .as("the same parameters in another order")
                .isEqualTo(200);
    }

    @Test
    void aClientRetryingWithBackoffRecovers() throws InterruptedException {
        server.faults().failFirstAttempts(3, 502);

        Reply reply = http.get(PAGE_THREE);
        int attempts = 1;
        for (long backoffMillis = 5; reply.status() != 200 && attempts < 6; backoffMillis *= 2) {
            Thread.sleep(backoffMillis);
            reply = http.get(PAGE_THREE);
            attempts++;
        }

        assertThat(reply.status()).isEqualTo(200);
        assertThat(attempts).isEqualTo(4);
    }

    @Test
    void settingItAgainStartsCountingAfresh() {
        server.faults().failFirstAttempts(1, 500);
        http.get(PAGE_THREE);
        assertThat(http.get(PAGE_THREE).status()).isEqualTo(200);

        server.faults().failFirstAttempts(1, 500);

        assertThat(http.get(PAGE_THREE).status()).isEqualTo(500);
        assertThat(http.get(PAGE_THREE).status()).isEqualTo(200);
    }

    @Test
    void rateLimitedRequestsAreNoAttempts() {
        server.faults().rateLimit(1, true).failFirstAttempts(1, 503);

        Reply admitted = http.get(PAGE_THREE);
        Reply limited = http.get(PAGE_THREE);

        assertThat(admitted.status()).isEqualTo(503);
        assertThat(limited.status()).isEqualTo(429);
        server.faults().noRateLimit();
        assertThat(http.get(PAGE_THREE).status()).isEqualTo(200);
    }
}
