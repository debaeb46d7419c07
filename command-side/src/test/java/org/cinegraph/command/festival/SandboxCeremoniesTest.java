package org.cinegraph.command.festival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.cinegraph.events.RecordCeremony;
import org.cinegraph.sandbox.OscarsSandboxServer;
import org.cinegraph.sandbox.oscars.OscarsNominations;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The scraper against the oscars.org sandbox: every ceremony of the bundled file, and hostile answers. */
class SandboxCeremoniesTest {

    private static OscarsSandboxServer sandbox;
    private static OscarsClient client;

    @BeforeAll
    static void start() {
        sandbox = OscarsSandboxServer.start(OscarsNominations.bundled());
        client = new OscarsClient(sandbox.baseUrl(), Duration.ofSeconds(5), 5_000_000, 1_000, Duration.ofMillis(10));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void everyCeremonyTheSandboxServesParsesToTheFilesNominations() {
        OscarsNominations nominations = sandbox.nominations();
        assertThat(nominations.years()).hasSize(98).startsWith(1929).endsWith(2026);
        for (int year : nominations.years()) {
            Map<String, List<OscarsNominations.Nomination>> expected = nominations.ceremony(year).orElseThrow();
            ParsedCeremony parsed = CeremonyPage.parse(client.ceremonyPage(year), year);

            assertThat(parsed.ceremonyNumber()).as("year %d", year).isEqualTo(year - 1928);
            assertThat(parsed.categories()).extracting(RecordCeremony.Category::name).as("year %d", year)
                    .containsExactlyElementsOf(expected.keySet());
            assertThat(parsed.nominationCount()).as("year %d", year)
                    .isEqualTo(expected.values().stream().mapToInt(List::size).sum());
            assertThat(parsed.winnerCount()).as("year %d", year)
                    .isEqualTo(expected.values().stream().flatMap(List::stream)
                            .filter(OscarsNominations.Nomination::winner).count());
        }
    }

    @Test
    void aYearWithoutACeremonyIsNotFound() {
        assertThatThrownBy(() -> client.ceremonyPage(1900)).isInstanceOf(CeremonyNotFoundException.class)
                .hasMessageContaining("no ceremony page for 1900");
    }

    @Test
    void aPageOverTheSizeCapIsNotRead() {
        OscarsClient small = new OscarsClient(sandbox.baseUrl(), Duration.ofSeconds(5), 20_000, 1_000,
                Duration.ofMillis(10));
        assertThatThrownBy(() -> small.ceremonyPage(2024)).isInstanceOf(CeremonyPageException.class)
                .hasMessageContaining("larger than 20000 bytes");
    }

    @Test
    void serverErrorsAreRetriedThenReportedAsUnavailable() {
        sandbox.replacePage(1990, 503, "<html>down</html>");
        try {
            long before = sandbox.requestCount();
            assertThatThrownBy(() -> client.ceremonyPage(1990)).isInstanceOf(OscarsUnavailableException.class)
                    .hasMessageContaining("HTTP 503");
            assertThat(sandbox.requestCount() - before).isEqualTo(3);
        } finally {
            sandbox.restorePage(1990);
        }
    }

    @Test
    void anUnreachableServerIsUnavailable() {
        OscarsClient nowhere = new OscarsClient(URI.create("http://127.0.0.1:1"), Duration.ofSeconds(2),
                1_000, 1_000, Duration.ofMillis(10));
        assertThatThrownBy(() -> nowhere.ceremonyPage(2024)).isInstanceOf(OscarsUnavailableException.class);
    }
}
