package org.cinegraph.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.cinegraph.sandbox.OscarsSandboxServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Academy Awards ceremonies scraped from the oscars.org sandbox and read back through the API. */
@ApplicationTest
class FestivalsApiTest {

    @Autowired
    private TestRestTemplate http;
    @Autowired
    private OscarsSandboxServer oscars;
    @Autowired
    private JdbcClient jdbc;

    @Test
    void aCeremonyIsRecordedOnceAndReadBackWithItsCategoriesAndWinners() {
        ResponseEntity<JsonNode> imported = importCeremony(2010);
        assertThat(imported.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(imported.getBody().get("ceremonyNumber").asInt()).isEqualTo(82);
        int nominations = imported.getBody().get("nominations").asInt();
        assertThat(imported.getBody().get("changes").asInt()).isEqualTo(nominations);
        assertThat(importCeremony(2010).getBody().get("changes").asInt()).as("the same page again").isZero();

        JsonNode ceremony = await().atMost(Duration.ofSeconds(20)).until(
                () -> http.getForObject("/api/festivals/AMPAS/ceremonies/2010", JsonNode.class),
                body -> body.path("categories").size() == imported.getBody().get("categories").asInt());
        assertThat(ceremony.findValues("winner").stream().filter(JsonNode::asBoolean).count())
                .isEqualTo(imported.getBody().get("winners").asLong());
        assertThat(ceremony.findValues("film")).hasSize(nominations);
        JsonNode festivals = http.getForObject("/api/festivals", JsonNode.class);
        assertThat(festivals.get(0).get("abbreviation").asText()).isEqualTo("AMPAS");
        assertThat(StoredEvents.of(jdbc, "FestivalOrganizationRegistered")).hasSize(1);
    }

    @Test
    void aChangedPageRecordsWhatChangedAndAHostilePageNothing() {
        importCeremony(2011);
        long before = events();
        String page = http.getForObject(oscars.baseUrl() + "/oscars/ceremonies/2011", String.class);
        try {
            // The winner of the first category lost, and another nominee won.
            oscars.replacePage(2011, 200, page.replaceFirst("honoree-type winner\">Winner", "honoree-type nominee\">N")
                    .replaceFirst("honoree-type nominee\">Nominees", "honoree-type winner\">Winner"));
            assertThat(importCeremony(2011).getBody().get("changes").asInt()).isEqualTo(2);

            long afterChange = events();
            oscars.replacePage(2011, 200, "<html><script>alert(1)</script><body><p>Maintenance</body></html>");
            ResponseEntity<JsonNode> hostile = importCeremony(2011);
            assertThat(hostile.getStatusCode()).isEqualTo(HttpStatus.BAD_GATEWAY);
            assertThat(hostile.getBody().get("detail").asText()).contains("none of the expected markup")
                    .contains("Nothing of the ceremony was recorded");

            oscars.replacePage(2011, 200, "<html><body>" + "x".repeat(20 * 1024 * 1024) + "</body></html>");
            assertThat(importCeremony(2011).getStatusCode()).isEqualTo(HttpStatus.BAD_GATEWAY);
            assertThat(events()).isEqualTo(afterChange).isEqualTo(before + 3);
        } finally {
            oscars.restorePage(2011);
        }
    }

    @Test
    void badRequestsAreProblemsAndNeedTheAdmin() {
        assertThat(importCeremony(1928).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(admin().postForEntity("/api/admin/festivals/CANNES/ceremonies/2024/import", null, JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(admin().postForEntity("/api/admin/festivals/AMPAS/ceremonies/import?from=2024&to=2020", null,
                JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(http.postForEntity("/api/admin/festivals/AMPAS/ceremonies/2024/import", null, String.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.getForEntity("/api/festivals/AMPAS/ceremonies/1950", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    private ResponseEntity<JsonNode> importCeremony(int year) {
        return admin().postForEntity("/api/admin/festivals/AMPAS/ceremonies/" + year + "/import", null,
                JsonNode.class);
    }

    private long events() {
        return jdbc.sql("""
                        SELECT count(*) FROM domain_event_entry
                         WHERE payload_type IN ('org.cinegraph.events.CeremonyScraped',
                                                'org.cinegraph.events.NominationRecorded',
                                                'org.cinegraph.events.NominationWithdrawn')
                           AND convert_from(payload, 'UTF8') LIKE '%"year":2011%'""")
                .query(Long.class).single();
    }

    private TestRestTemplate admin() {
        return http.withBasicAuth("admin", ApplicationTest.ADMIN_PASSWORD);
    }
}
