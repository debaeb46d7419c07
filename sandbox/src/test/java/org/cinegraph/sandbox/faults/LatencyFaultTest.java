package org.cinegraph.sandbox.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;

import org.cinegraph.sandbox.SandboxHttp.Reply;
import org.cinegraph.sandbox.SandboxServerTest;
import org.junit.jupiter.api.Test;

class LatencyFaultTest extends SandboxServerTest {

    private static final Duration DELAY = Duration.ofMillis(150);

    @Test
    void everyAnswerComesAtLeastTheDelayLate() {
        server.faults().latency(DELAY);
        int movie = server.catalogue().movieIds(2025).iterator().next();

        for (String path : List.of("/configuration", "/discover/movie?primary_release_year=2025",
                "/movie/" + movie, "/movie/1")) {
            long start = System.nanoTime();
            Reply reply = http.get(path);
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(took).as(path).isGreaterThanOrEqualTo(DELAY);
            assertThat(reply.status()).as(path).isEqualTo(path.equals("/movie/1") ? 404 : 200);
        }
    }

    @Test
    void aDelayLongerThanTheClientsReadTimeoutTripsIt() {
        server.faults().latency(Duration.ofSeconds(5));

        assertThatThrownBy(() -> http.send(http.request("/configuration").timeout(Duration.ofMillis(100))))
                .hasCauseInstanceOf(HttpTimeoutException.class);
        server.faults().latency(Duration.ZERO);
        assertThat(http.get("/configuration").status()).isEqualTo(200);
    }

    @Test
    void aNegativeDelayIsRefused() {
        assertThatThrownBy(() -> server.faults().latency(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
