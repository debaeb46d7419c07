package org.cinegraph.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.cinegraph.sandbox.TmdbSandboxServer;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Two application nodes on one PostgreSQL: racing to start the same year, exactly one wins, none fails. */
class TwoNodesTest {

    private static final int REQUESTS_PER_NODE = 20;

    @Test
    void racingStartsOfOneYearOnTwoNodesGiveOneStartAndConflicts() throws Exception {
        try (EmbeddedPostgres database = EmbeddedPostgres.builder().start();
             RunningApp first = node(database);
             RunningApp second = node(database)) {
            // With TMDb failing, each started year stays running while the other requests race to start it.
            for (RunningApp node : List.of(first, second)) {
                node.context().getBean(TmdbSandboxServer.class).faults().failAlways(503);
                // As the dashboard does: credentials proven once are not held to the login throttle's attempts,
                // which would otherwise cap a client's first parallel requests at five checks at a time.
                assertThat(node.getAsAdmin("/api/admin/session").statusCode()).isEqualTo(200);
            }
            ExecutorService clients = Executors.newFixedThreadPool(8);
            try {
                for (int year = 2001; year <= 2003; year++) {
                    String path = "/api/admin/imports/years/" + year;
                    List<Callable<Integer>> requests = new ArrayList<>();
                    for (int i = 0; i < REQUESTS_PER_NODE; i++) {
                        requests.add(() -> first.postAsAdmin(path).statusCode());
                        requests.add(() -> second.postAsAdmin(path).statusCode());
                    }
                    List<Integer> statuses = new ArrayList<>();
                    for (Future<Integer> status : clients.invokeAll(requests)) {
                        statuses.add(status.get());
                    }

                    assertThat(statuses).as("year %d", year).containsOnly(202, 409);
                    assertThat(statuses).as("year %d", year).containsOnlyOnce(202);
                }
            } finally {
                clients.shutdownNow();
            }
            JdbcClient jdbc = JdbcClient.create(database.getPostgresDatabase());
            assertThat(jdbc.sql("SELECT count(*) FROM domain_event_entry").query(Long.class).single()).isEqualTo(3);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                    jdbc.sql("SELECT count(*) FROM year_progress").query(Long.class).single()).isEqualTo(3));
        }
    }

    private static RunningApp node(EmbeddedPostgres database) {
        return RunningApp.start(
                "spring.datasource.url=" + database.getJdbcUrl("postgres", "postgres"),
                "spring.datasource.username=postgres");
    }
}
