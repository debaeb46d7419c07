package org.cinegraph.sandbox.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cinegraph.sandbox.SandboxHttp.assertTmdbError;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.cinegraph.sandbox.SandboxHttp.Reply;
import org.cinegraph.sandbox.SandboxServerTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeletedAfterDiscoveryFaultTest extends SandboxServerTest {

    private static final String NOT_FOUND = "The resource you requested could not be found.";

    private List<Integer> of2025;

    @BeforeEach
    void listTheMoviesOf2025() {
        of2025 = List.copyOf(server.catalogue().movieIds(2025));
    }

    @Test
    void deletedMoviesStayInDiscoverButTheirDetailsAreNotFound() {
        Set<Integer> deleted = Set.of(of2025.get(10), of2025.get(20), of2025.get(30));
        server.faults().deletedAfterDiscovery(deleted);

        assertThat(discoveredIn2025()).hasSize(300).containsAll(deleted);
        for (int movie : deleted) {
            Reply reply = http.get("/movie/" + movie + "?append_to_response=credits");
            assertThat(reply.status()).isEqualTo(404);
            assertTmdbError(reply, 34, NOT_FOUND);
        }
        assertThat(http.get("/movie/" + of2025.get(11)).status()).isEqualTo(200);
    }

    @Test
    void aFractionOfTheMoviesIsChosenByIdTheSameWayEveryTime() {
        server.faults().deletedAfterDiscoveryFraction(0.1);

        Set<Integer> deleted = notFoundOf2025();

        assertThat(deleted).hasSizeBetween(10, 60);
        assertThat(discoveredIn2025()).hasSize(300).containsAll(deleted);
        assertThat(notFoundOf2025()).isEqualTo(deleted);
    }

    @Test
    void deletedAndMalformedSharesPickDifferentMovies() {
        server.faults().deletedAfterDiscoveryFraction(0.3);
        Set<Integer> deleted = notFoundOf2025();
        server.faults().deletedAfterDiscovery(Set.of()).malformedDetailsFraction(0.3);

        Set<Integer> malformed = of2025.stream()
                .filter(movie -> {
                    Reply reply = http.get("/movie/" + movie);
                    return !reply.text().endsWith("}");
                })
                .collect(Collectors.toSet());

        assertThat(malformed).isNotEmpty().isNotEqualTo(deleted);
    }

    private Set<Integer> notFoundOf2025() {
        return of2025.stream()
                .filter(movie -> http.get("/movie/" + movie).status() == 404)
                .collect(Collectors.toSet());
    }

    private List<Integer> discoveredIn2025() {
        return http.allPages("primary_release_year=2025").stream().map(movie -> movie.get("id").asInt()).toList();
    }
}
