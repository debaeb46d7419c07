package org.cinegraph.sandbox.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.cinegraph.sandbox.SandboxHttp.Reply;
import org.cinegraph.sandbox.SandboxServerTest;
import org.junit.jupiter.api.Test;

class RateLimitFaultTest extends SandboxServerTest {

    private static final int LIMIT = 5;
    private static final String OVER_THE_LIMIT =
            "Your request count \\(\\d+\\) is over the allowed limit of \\(" + LIMIT + "\\)\\.";

    @Test
    void requestsBeyondTheLimitAnswer429WithTmdbsBodyAndRetryAfter() {
        server.faults().rateLimit(LIMIT, true);

        List<Reply> replies = burst(4 * LIMIT);

        List<Reply> rejected = replies.stream().filter(reply -> reply.status() == 429).toList();
        // However slowly the burst runs, each window lets its first requests through and one of them must
        // hold more than the limit.
        assertThat(replies).filteredOn(reply -> reply.status() == 200).hasSizeGreaterThanOrEqualTo(LIMIT);
        assertThat(rejected).isNotEmpty().allSatisfy(reply -> {
            assertThat(reply.headers().firstValue("Retry-After")).contains("1");
            assertThat(reply.body().get("success").asBoolean(true)).isFalse();
            assertThat(reply.body().get("status_code").asInt()).isEqualTo(25);
            assertThat(reply.body().get("status_message").asText()).matches(OVER_THE_LIMIT);
        });
        assertThat(rejected.get(0).body().get("status_message").asText())
                .isEqualTo("Your request count (6) is over the allowed limit of (5).");
        assertThat(server.faults().rateLimitedCount()).isEqualTo(rejected.size());
    }

    @Test
    void retryAfterIsLeftOutWhenNotWanted() {
        server.faults().rateLimit(LIMIT, false);

        List<Reply> rejected = burst(4 * LIMIT).stream().filter(reply -> reply.status() == 429).toList();

        assertThat(rejected).isNotEmpty()
                .allSatisfy(reply -> assertThat(reply.headers().firstValue("Retry-After")).isEmpty());
    }

    @Test
    void waitingTheRetryAfterLetsRequestsThroughAgain() throws InterruptedException {
        server.faults().rateLimit(LIMIT, true);
        Reply rejected = burst(4 * LIMIT).stream().filter(reply -> reply.status() == 429).findFirst().orElseThrow();

        Thread.sleep(1000L * Long.parseLong(rejected.headers().firstValue("Retry-After").orElseThrow()));

        assertThat(burst(LIMIT)).allSatisfy(reply -> assertThat(reply.status()).isEqualTo(200));
    }

    @Test
    void rejectedRequestsStillCountAsRequests() {
        server.faults().rateLimit(LIMIT, true);
        long before = server.requestCount();

        burst(4 * LIMIT);

        assertThat(server.requestCount()).isEqualTo(before + 4 * LIMIT);
        assertThat(server.faults().rateLimitedCount()).isPositive();
    }

    @Test
    void noRateLimitLetsEveryRequestThrough() {
        server.faults().rateLimit(LIMIT, true).noRateLimit();

        assertThat(burst(4 * LIMIT)).allSatisfy(reply -> assertThat(reply.status()).isEqualTo(200));
        assertThat(server.faults().rateLimitedCount()).isZero();
    }

    /** Requests in quick succession, over every endpoint: the limit counts them all together. */
    private List<Reply> burst(int requests) {
        int movie = server.catalogue().movieIds(2025).iterator().next();
        List<String> paths = List.of("/configuration", "/discover/movie?primary_release_year=2025", "/movie/" + movie);
        List<Reply> replies = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            replies.add(http.get(paths.get(i % paths.size())));
        }
        return replies;
    }
}
