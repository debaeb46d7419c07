package org.cinegraph.sandbox.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.cinegraph.sandbox.SandboxHttp.Reply;
import org.cinegraph.sandbox.SandboxServerTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MalformedDetailsFaultTest extends SandboxServerTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private List<Integer> of2025;

    @BeforeEach
    void listTheMoviesOf2025() {
        of2025 = List.copyOf(server.catalogue().movieIds(2025));
    }

    @Test
    void detailsOfTheSelectedMoviesAnswer200WithABodyNoParserAccepts() {
        Set<Integer> malformed = Set.of(of2025.get(0), of2025.get(1));
        server.faults().malformedDetails(malformed);

        for (int movie : malformed) {
            Reply reply = http.get("/movie/" + movie + "?append_to_response=credits,keywords");
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.headers().firstValue("Content-Type")).contains("application/json;charset=utf-8");
            assertThat(reply.text()).startsWith("{\"adult\":false");
            assertThatThrownBy(() -> MAPPER.readTree(reply.text())).isInstanceOf(JsonProcessingException.class);
        }
        assertThat(http.get("/movie/" + of2025.get(2)).body().get("id").asInt()).isEqualTo(of2025.get(2));
        assertThat(http.allPages("primary_release_year=2025")).hasSize(300);
    }

    @Test
    void moviesTheCatalogueLacksAreStillNotFound() {
        server.faults().malformedDetails(Set.of(1));

        assertThat(http.get("/movie/1").status()).isEqualTo(404);
    }

    @Test
    void aFractionOfTheMoviesIsChosenByIdTheSameWayEveryTime() {
        server.faults().malformedDetailsFraction(0.2);

        Set<Integer> malformed = malformedOf2025();

        assertThat(malformed).hasSizeBetween(30, 90);
        assertThat(malformedOf2025()).isEqualTo(malformed);
        server.faults().malformedDetailsFraction(0.2);
        assertThat(malformedOf2025()).isEqualTo(malformed);
    }

    @Test
    void anEmptySelectionOrANoughtFractionSpoilsNothing() {
        server.faults().malformedDetailsFraction(0.0);
        assertThat(malformedOf2025()).isEmpty();

        server.faults().malformedDetailsFraction(1.0).malformedDetails(Set.of());
        assertThat(malformedOf2025()).isEmpty();
    }

    @Test
    void aFractionMustLieWithinNoughtAndOne() {
        assertThatThrownBy(() -> server.faults().malformedDetailsFraction(1.5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> server.faults().malformedDetailsFraction(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private Set<Integer> malformedOf2025() {
        return of2025.stream().filter(movie -> !parses(http.get("/movie/" + movie))).collect(Collectors.toSet());
    }

    private static boolean parses(Reply reply) {
        try {
            MAPPER.readTree(reply.text());
            return true;
        } catch (JsonProcessingException e) {
            return false;
        }
    }
}
