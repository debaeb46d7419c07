package org.cinegraph.sandbox.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.EOFException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.cinegraph.sandbox.SandboxHttp;
import org.cinegraph.sandbox.SandboxHttp.Download;
import org.cinegraph.sandbox.TmdbSandboxServer;
import org.cinegraph.sandbox.catalogue.SandboxCatalogue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The faults of TMDb's daily ID exports, on a fresh server whose yesterday is 3 December 2025. */
class ExportFaultsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-12-04T09:30:00Z"), ZoneOffset.UTC);
    private static final String YESTERDAY = "movie_ids_12_03_2025.json.gz";
    private static final String DAY_BEFORE = "movie_ids_12_02_2025.json.gz";
    private static final String BEFORE_REMOVAL = "movie_ids_11_30_2025.json.gz";

    private TmdbSandboxServer server;
    private SandboxHttp http;
    private SandboxFaults faults;

    @BeforeEach
    void startSandbox() {
        server = TmdbSandboxServer.start(SandboxCatalogue.defaultCatalogue(2025), CLOCK);
        http = new SandboxHttp(server);
        faults = server.faults();
    }

    @AfterEach
    void stopSandbox() {
        server.close();
    }

    @Test
    void aTruncatedExportIsCutInTheMiddleOfItsGzipStream() {
        Download whole = http.download(YESTERDAY);

        faults.truncatedExports(true);
        Download cut = http.download(YESTERDAY);

        assertThat(cut.status()).isEqualTo(200);
        assertThat(cut.headers().firstValue("Content-Type")).contains("application/gzip");
        assertThat(cut.body()).hasSize(whole.body().length / 2);
        assertThatThrownBy(cut::lines).isInstanceOf(UncheckedIOException.class)
                .hasRootCauseInstanceOf(EOFException.class);
        faults.truncatedExports(false);
        assertThat(http.download(YESTERDAY).lines()).isEqualTo(whole.lines());
    }

    @Test
    void malformedLinesAppearWhereAskedAndMoveTheOthersDown() {
        List<String> whole = http.download(YESTERDAY).lines();

        faults.malformedExportLines(Map.of(0, "{\"id\":", 5, "not json", 1_000_000, "{\"adult\":false,"));
        List<String> spoilt = http.download(YESTERDAY).lines();

        assertThat(spoilt).hasSize(whole.size() + 3);
        assertThat(spoilt.get(0)).isEqualTo("{\"id\":");
        assertThat(spoilt.get(5)).isEqualTo("not json");
        assertThat(spoilt.get(spoilt.size() - 1)).isEqualTo("{\"adult\":false,");
        List<String> others = new ArrayList<>(spoilt);
        others.remove(spoilt.size() - 1);
        others.remove(5);
        others.remove(0);
        assertThat(others).isEqualTo(whole);
        assertThat(http.download(BEFORE_REMOVAL).lines()).element(5).isEqualTo("not json");
        faults.malformedExportLines(Map.of());
        assertThat(http.download(YESTERDAY).lines()).isEqualTo(whole);
    }

    @Test
    void moviesRemovedOnDemandLeaveEveryExportUntilRestored() {
        List<Integer> of2024 = List.copyOf(server.catalogue().movieIds(2024));
        Set<Integer> removed = Set.of(of2024.get(0), of2024.get(1));
        assertThat(ids(YESTERDAY)).containsAll(removed);

        faults.removeFromExports(removed);

        assertThat(ids(YESTERDAY)).doesNotContainAnyElementsOf(removed);
        assertThat(ids(BEFORE_REMOVAL)).doesNotContainAnyElementsOf(removed);
        assertThat(server.exports().ids(LocalDate.of(2025, 12, 3))).doesNotContainAnyElementsOf(removed);
        for (int id : removed) {
            assertThat(http.get("/movie/" + id).status()).isEqualTo(200);
        }
        faults.restoreOnExports(Set.of(of2024.get(0)));
        assertThat(ids(YESTERDAY)).contains(of2024.get(0)).doesNotContain(of2024.get(1));
        faults.restoreOnExports(removed);
        assertThat(ids(YESTERDAY)).containsAll(removed);
    }

    @Test
    void theCataloguesRemovedMoviesComeBackWhenRestored() {
        Set<Integer> removed = server.catalogue().exportExtras().removed();
        assertThat(ids(YESTERDAY)).doesNotContainAnyElementsOf(removed);

        faults.restoreOnExports(removed);

        assertThat(ids(YESTERDAY)).containsAll(removed);
        assertThat(server.exports().ids(LocalDate.of(2025, 12, 3))).containsAll(removed);
    }

    @Test
    void missingDaysAnswer404AndTheOthersAreServed() {
        faults.missingExports(Set.of(LocalDate.of(2025, 12, 3)));

        Download missing = http.download(YESTERDAY);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.text()).contains("NoSuchKey");
        assertThat(http.download(DAY_BEFORE).status()).isEqualTo(200);
        faults.missingExports(Set.of());
        assertThat(http.download(YESTERDAY).status()).isEqualTo(200);
    }

    @Test
    void theFirstExportRequestsFailThenTheFileIsServed() {
        faults.failExportRequests(2, 503);

        Download first = http.download(YESTERDAY);
        Download second = http.download(DAY_BEFORE);
        Download third = http.download(YESTERDAY);

        assertThat(first.status()).isEqualTo(503);
        assertThat(first.headers().firstValue("Content-Type")).contains("application/xml");
        assertThat(second.status()).isEqualTo(503);
        assertThat(third.status()).isEqualTo(200);
        assertThat(third.lines()).isNotEmpty();
        assertThatThrownBy(() -> faults.failExportRequests(1, 404)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theApisFaultsLeaveTheFileServerAlone() {
        faults.requireCredentials("sandbox-token", "sandbox-key")
                .unauthorized(true)
                .failAlways(503)
                .rateLimit(1, false);

        assertThat(http.get("/configuration").status()).isEqualTo(401);
        for (int attempt = 0; attempt < 3; attempt++) {
            assertThat(http.download(YESTERDAY).status()).as("attempt %d", attempt).isEqualTo(200);
        }
    }

    @Test
    void resetSwitchesTheExportFaultsOffToo() {
        List<String> whole = http.download(YESTERDAY).lines();
        int movie = server.catalogue().movieIds(2025).iterator().next();
        faults.truncatedExports(true)
                .malformedExportLines(Map.of(1, "not json"))
                .removeFromExports(Set.of(movie))
                .restoreOnExports(server.catalogue().exportExtras().removed())
                .missingExports(Set.of(LocalDate.of(2025, 12, 2)))
                .failExportRequests(1, 500);

        faults.reset();

        assertThat(http.download(YESTERDAY).lines()).isEqualTo(whole);
        assertThat(http.download(DAY_BEFORE).status()).isEqualTo(200);
    }

    private List<Integer> ids(String fileName) {
        Download file = http.download(fileName);
        assertThat(file.status()).isEqualTo(200);
        return file.ids();
    }
}
