package org.cinegraph.sandbox.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.cinegraph.sandbox.SandboxHttp.Reply;
import org.cinegraph.sandbox.SandboxServerTest;
import org.junit.jupiter.api.Test;

class FaultResetTest extends SandboxServerTest {

    private static final Duration LONG_DELAY = Duration.ofSeconds(5);

    @Test
    void resetSwitchesEveryFaultOff() {
        List<Integer> of2025 = List.copyOf(server.catalogue().movieIds(2025));
        SandboxFaults faults = server.faults();
        faults.rateLimit(1, true)
                .requireCredentials("sandbox-token", null)
                .unauthorized(true)
                .failAlways(503)
                .failDetailsAlways(Set.of(of2025.get(0)), 500)
                .deletedAfterDiscovery(Set.of(of2025.get(1)))
                .malformedDetails(Set.of(of2025.get(2)))
                .popularityDrift(true);
        assertThat(http.get("/configuration").status()).isEqualTo(401);
        faults.latency(LONG_DELAY);

        faults.reset();

        long start = System.nanoTime();
        for (int movie : of2025.subList(0, 3)) {
            Reply reply = http.get("/movie/" + movie);
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.body().get("popularity").asDouble())
                    .isEqualTo(server.catalogue().movie(movie).orElseThrow().popularity());
        }
        assertThat(http.get("/configuration").status()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(LONG_DELAY);
    }

    @Test
    void countsOutliveAReset() {
        server.faults().rateLimit(1, false);
        http.get("/configuration");
        http.get("/configuration");
        long rateLimited = server.faults().rateLimitedCount();

        server.faults().reset();

        assertThat(rateLimited).isPositive();
        assertThat(server.faults().rateLimitedCount()).isEqualTo(rateLimited);
    }
}
