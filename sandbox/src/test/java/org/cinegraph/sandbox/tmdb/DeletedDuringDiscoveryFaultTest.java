package org.cinegraph.sandbox.tmdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cinegraph.sandbox.SandboxHttp.assertTmdbError;

import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;

import org.cinegraph.sandbox.SandboxHttp;
import org.cinegraph.sandbox.SandboxHttp.Reply;
import org.cinegraph.sandbox.TmdbSandboxServer;
import org.cinegraph.sandbox.catalogue.SandboxCatalogue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeletedDuringDiscoveryFaultTest {

    private static final String NOT_FOUND = "The resource you requested could not be found.";
    private static final String WINDOW = "primary_release_year=2024&sort_by=primary_release_date.asc";

    private TmdbSandboxServer server;
    private SandboxHttp http;
    private List<Integer> ordered;

    @BeforeEach
    void startSandbox() {
        server = TmdbSandboxServer.start(SandboxCatalogue.builder().seed(7).year(2024, 100).build());
        http = new SandboxHttp(server);
        ordered = http.allPages(WINDOW).stream().map(movie -> movie.get("id").asInt()).toList();
    }

    @AfterEach
    void stopSandbox() {
        server.close();
    }

    @Test
    void aMovieDeletedAfterItsPageWasReadPullsTheNextPageBackOnePlace() {
        assertThat(ordered).hasSize(100).doesNotHaveDuplicates();
        int deleted = ordered.get(5);
        int firstOfPage2 = ordered.get(20);
        server.faults().deletedDuringDiscovery(Set.of(deleted), 1);

        Reply page1 = page(1);
        assertThat(page1.body().get("total_results").asInt()).isEqualTo(100);
        assertThat(ids(page1)).isEqualTo(ordered.subList(0, 20)).contains(deleted);

        Reply page2 = page(2);
        assertThat(page2.body().get("total_results").asInt()).isEqualTo(99);
        assertThat(page2.body().get("total_pages").asInt()).isEqualTo(5);
        assertThat(ids(page2)).isEqualTo(ordered.subList(21, 41)).doesNotContain(firstOfPage2);
        assertThat(ids(page(1))).doesNotContain(deleted).endsWith(firstOfPage2);

        Reply details = http.get("/movie/" + deleted);
        assertThat(details.status()).isEqualTo(404);
        assertTmdbError(details, 34, NOT_FOUND);
        assertThat(http.get("/movie/" + firstOfPage2).status()).isEqualTo(200);

        server.faults().reset();

        assertThat(page(2).body().get("total_results").asInt()).isEqualTo(100);
        assertThat(ids(page(2))).isEqualTo(ordered.subList(20, 40));
        assertThat(http.get("/movie/" + deleted).status()).isEqualTo(200);
    }

    @Test
    void theCountStartsWhenTheFaultIsSetAndAgainWhenItIsSetAgain() {
        Set<Integer> firstPage = Set.copyOf(ordered.subList(0, 20));
        server.faults().deletedDuringDiscovery(firstPage, 2);

        assertThat(http.get("/movie/" + ordered.get(0)).status()).isEqualTo(200);
        assertThat(ids(page(1))).isEqualTo(ordered.subList(0, 20));
        assertThat(ids(page(1))).isEqualTo(ordered.subList(0, 20));
        Reply shrunk = page(1);
        assertThat(shrunk.body().get("total_results").asInt()).isEqualTo(80);
        assertThat(shrunk.body().get("total_pages").asInt()).isEqualTo(4);
        assertThat(ids(shrunk)).isEqualTo(ordered.subList(20, 40));
        assertThat(http.get("/movie/" + ordered.get(0)).status()).isEqualTo(404);

        server.faults().deletedDuringDiscovery(firstPage, 1);

        assertThat(http.get("/movie/" + ordered.get(0)).status()).isEqualTo(200);
        assertThat(ids(page(1))).isEqualTo(ordered.subList(0, 20));
        assertThat(ids(page(1))).isEqualTo(ordered.subList(20, 40));

        server.faults().deletedDuringDiscovery(Set.of(), 0);

        assertThat(ids(page(1))).isEqualTo(ordered.subList(0, 20));
        assertThat(http.get("/movie/" + ordered.get(0)).status()).isEqualTo(200);
    }

    @Test
    void discoverRequestsAnsweredByAnEarlierFaultDoNotCount() {
        int deleted = ordered.get(0);
        server.faults().failAlways(503).deletedDuringDiscovery(Set.of(deleted), 1);

        assertThat(page(1).status()).isEqualTo(503);
        server.faults().noFailures();

        assertThat(ids(page(1))).contains(deleted);
        assertThat(ids(page(1))).doesNotContain(deleted);
    }

    private Reply page(int page) {
        return http.get("/discover/movie?" + WINDOW + "&page=" + page);
    }

    private static List<Integer> ids(Reply reply) {
        assertThat(reply.status()).isEqualTo(200);
        return StreamSupport.stream(reply.body().get("results").spliterator(), false)
                .map(movie -> movie.get("id").asInt())
                .toList();
    }
}
