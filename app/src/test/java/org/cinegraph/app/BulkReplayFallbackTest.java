package org.cinegraph.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.cinegraph.events.MovieImported;
import org.cinegraph.query.writes.ProjectionTables;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A replay is first loaded from one read of the event store, in chunks; when that load stops midway (here a
 * handler fails once on the loading thread), the projection's processors carry on from its last chunk and the
 * rebuilt table is still exactly what the events say: the projection counts how often each movie's import was
 * applied, so an event applied twice, or skipped, shows.
 */
@SpringBootTest(classes = CinegraphApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "cinegraph.data-dir=target/test-data/bulk-replay-${random.uuid}",
        "cinegraph.admin.password=" + ApplicationTest.ADMIN_PASSWORD,
        "spring.flyway.locations=classpath:db/migration,classpath:db/flaky-projection",
        "axon.eventhandling.processors.flaky.mode=pooled",
        "axon.eventhandling.processors.flaky.thread-count=2",
        "axon.eventhandling.processors.flaky.initial-segment-count=2",
        "axon.eventhandling.processors.flaky.batch-size=50",
        "cinegraph.replay.load-chunk-size=" + BulkReplayFallbackTest.CHUNK})
@Import(BulkReplayFallbackTest.FlakyProjectionConfiguration.class)
class BulkReplayFallbackTest {

    static final int CHUNK = 40;
    private static final int YEAR = Year.now(ZoneOffset.UTC).getValue() - 2;

    @Autowired
    private TestRestTemplate http;
    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private FlakyProjection flaky;

    @Test
    void aLoadThatStopsLeavesTheRestToTheProcessorsAndTheTableComesBackExactly() {
        admin().postForEntity("/api/admin/imports/years/" + YEAR, null, String.class);
        await().atMost(Duration.ofSeconds(90)).until(() -> http.getForObject("/api/import/years", JsonNode.class)
                .get("years").findValuesAsText("status").contains("completed"));
        await().atMost(Duration.ofSeconds(60)).until(this::everyProjectionCaughtUp);
        List<String> before = rows();
        assertThat(before).hasSizeGreaterThan(3 * CHUNK).allMatch(row -> row.endsWith(",1)"));

        replay();
        assertThat(flaky.failuresOnTheLoadingThread()).isZero();
        int loadedWhole = flaky.eventsOnTheLoadingThread();
        assertThat(loadedWhole).as("the load applied the events, not the processors").isEqualTo(before.size());
        assertThat(rows()).isEqualTo(before);

        // Fails in a later chunk of one segment: the chunks before it stay, the processors do the rest.
        flaky.failOnceOnTheLoadingThreadAfter(CHUNK);
        replay();
        assertThat(flaky.failuresOnTheLoadingThread()).isEqualTo(1);
        assertThat(flaky.eventsOnTheLoadingThread() - loadedWhole).isBetween(CHUNK / 4, before.size() - 1);
        assertThat(rows()).isEqualTo(before);
    }

    private void replay() {
        String requestedBefore = rebuild().path("requestedAt").asText();
        assertThat(admin().postForEntity("/api/admin/projections/flaky/replay", null, String.class).getStatusCode())
                .isEqualTo(HttpStatus.ACCEPTED);
        await().atMost(Duration.ofSeconds(60)).until(() -> !rebuild().path("requestedAt").asText()
                .equals(requestedBefore) && rebuild().path("state").asText().equals("completed"));
    }

    private JsonNode rebuild() {
        for (JsonNode projection : http.getForObject("/api/projections", JsonNode.class)) {
            if (projection.get("name").asText().equals("flaky")) {
                return projection.path("rebuild");
            }
        }
        throw new AssertionError("No projection named flaky in /api/projections");
    }

    private boolean everyProjectionCaughtUp() {
        return http.getForObject("/api/projections", JsonNode.class).findValuesAsText("caughtUp").stream()
                .allMatch("true"::equals);
    }

    private List<String> rows() {
        return jdbc.sql("SELECT CAST(f AS text) FROM flaky_projection AS f ORDER BY tmdb_id").query(String.class)
                .list();
    }

    private TestRestTemplate admin() {
        return http.withBasicAuth("admin", ApplicationTest.ADMIN_PASSWORD);
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class FlakyProjectionConfiguration {

        @Bean
        FlakyProjection flakyProjection(JdbcClient jdbc) {
            return new FlakyProjection(jdbc);
        }
    }

    /**
     * How often each imported movie's import was applied, with its title; its handler can be made to fail once
     * on the loading thread.
     */
    @ProcessingGroup("flaky")
    @ProjectionTables("flaky_projection")
    static class FlakyProjection {

        private static final String LOADING_THREAD = "replay-loader";

        private final JdbcClient jdbc;
        private final AtomicInteger failAfter = new AtomicInteger(-1);
        private final AtomicInteger failures = new AtomicInteger();
        private final AtomicInteger loaded = new AtomicInteger();

        FlakyProjection(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        /** Fails the first import the loading thread applies after {@code applied} more. */
        void failOnceOnTheLoadingThreadAfter(int applied) {
            failAfter.set(applied);
        }

        int failuresOnTheLoadingThread() {
            return failures.get();
        }

        int eventsOnTheLoadingThread() {
            return loaded.get();
        }

        @ResetHandler
        void reset() {
            jdbc.sql("DELETE FROM flaky_projection").update();
        }

        @EventHandler
        void on(MovieImported event) {
            if (Thread.currentThread().getName().equals(LOADING_THREAD)) {
                if (failAfter.get() >= 0 && failAfter.getAndDecrement() == 0) {
                    failures.incrementAndGet();
                    throw new IllegalStateException("A failure injected by the test");
                }
                loaded.incrementAndGet();
            }
            jdbc.sql("""
                            INSERT INTO flaky_projection (tmdb_id, title, applied) VALUES (:id, :title, 1)
                            ON CONFLICT (tmdb_id) DO UPDATE
                               SET title = EXCLUDED.title, applied = flaky_projection.applied + 1""")
                    .param("id", event.tmdbId()).param("title", event.title()).update();
        }
    }
}
