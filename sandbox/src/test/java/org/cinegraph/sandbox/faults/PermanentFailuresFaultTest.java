package org.cinegraph.sandbox.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cinegraph.sandbox.SandboxHttp.assertTmdbError;

import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import org.cinegraph.sandbox.SandboxHttp.Reply;
import org.cinegraph.sandbox.SandboxServerTest;
import org.junit.jupiter.api.Test;

class PermanentFailuresFaultTest extends SandboxServerTest {

    private static final String INTERNAL_ERROR = "Internal error: Something went wrong, contact TMDB.";

    @Test
    void failAlwaysFailsEveryRequestHoweverOftenItIsRetried() {
        server.faults().failAlways(500);
        List<String> paths = List.of("/configuration", "/discover/movie?primary_release_year=2025",
                "/movie/" + anyMovieOf2025());

        for (int attempt = 0; attempt < 5; attempt++) {
            for (String path : paths) {
                Reply reply = http.get(path);
                assertThat(reply.status()).as(path).isEqualTo(500);
                assertTmdbError(reply, 11, INTERNAL_ERROR);
            }
        }
    }

    @Test
    void noFailuresEndsThem() {
        server.faults().failAlways(503).failDetailsAlways(Set.of(anyMovieOf2025()), 504);

        server.faults().noFailures();

        assertThat(http.get("/configuration").status()).isEqualTo(200);
        assertThat(http.get("/movie/" + anyMovieOf2025()).status()).isEqualTo(200);
    }

    @Test
    void failDetailsAlwaysFailsOnlyTheDetailsOfTheSelectedMovies() {
        List<Integer> of2025 = List.copyOf(server.catalogue().movieIds(2025));
        Set<Integer> failing = Set.of(of2025.get(3), of2025.get(7));
        server.faults().failDetailsAlways(failing, 503);

        for (int attempt = 0; attempt < 3; attempt++) {
            for (int movie : failing) {
                Reply reply = http.get("/movie/" + movie + "?append_to_response=credits");
                assertThat(reply.status()).isEqualTo(503);
                assertTmdbError(reply, 9, "Service offline: This service is temporarily offline, try again later.");
            }
        }
        assertThat(http.get("/movie/" + of2025.get(4)).status()).isEqualTo(200);
        List<JsonNode> discovered = http.allPages("primary_release_year=2025");
        assertThat(discovered.stream().map(movie -> movie.get("id").asInt())).containsAll(failing);
    }

    @Test
    void onlyErrorStatusesCanBeInjected() {
        SandboxFaults faults = server.faults();

        assertThatThrownBy(() -> faults.failAlways(200)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> faults.failFirstAttempts(1, 302)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> faults.failFirstAttempts(-1, 500)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> faults.failDetailsAlways(Set.of(1), 600))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private int anyMovieOf2025() {
        return server.catalogue().movieIds(2025).iterator().next();
    }
}
