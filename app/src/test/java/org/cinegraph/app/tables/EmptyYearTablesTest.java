package org.cinegraph.app.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Year;
import java.time.ZoneOffset;
import org.cinegraph.app.ApplicationTest;
import org.cinegraph.command.tables.DerivedTables;
import org.cinegraph.sandbox.TmdbSandboxServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * A year TMDb lists no movie for reads no page: the page ledger stays empty with good reason, and neither the tables
 * nor the health may call it lost. An application of its own: the year it imports would show in others' lists.
 */
@ApplicationTest
@TestPropertySource(properties = "cinegraph.data-dir=target/test-data/empty-year-${random.uuid}")
class EmptyYearTablesTest {

    /** Older than the sandbox catalogue's five years. */
    private static final int EMPTY_YEAR = Year.now(ZoneOffset.UTC).getValue() - 10;

    @Autowired
    private TestRestTemplate http;
    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private DerivedTables derived;
    @Autowired
    private TmdbSandboxServer tmdb;

    @Test
    void aCompletedYearWithoutMoviesLeavesThePageLedgerEmptyButNotLost() {
        assertThat(tmdb.catalogue().movieCount(EMPTY_YEAR)).isZero();
        assertThat(http.withBasicAuth("admin", ApplicationTest.ADMIN_PASSWORD)
                .postForEntity("/api/admin/imports/years/" + EMPTY_YEAR, null, String.class).getStatusCode())
                .isEqualTo(HttpStatus.ACCEPTED);
        await().atMost(Duration.ofSeconds(60)).until(() -> "completed".equals(
                http.getForObject("/api/import/years/" + EMPTY_YEAR, JsonNode.class).path("status").asText()));

        assertThat(jdbc.sql("SELECT count(*) FROM import_ledger_page").query(Long.class).single()).isZero();
        assertThat(derived.lost()).isEmpty();
        JsonNode health = http.getForObject("/api/sync/health", JsonNode.class);
        assertThat(health.path("status").asText()).as(health.path("message").asText()).isEqualTo("ok");
    }
}
