package org.cinegraph.sandbox.tmdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.cinegraph.sandbox.SandboxHttp;
import org.cinegraph.sandbox.SandboxHttp.Download;
import org.cinegraph.sandbox.TmdbSandboxServer;
import org.cinegraph.sandbox.catalogue.ExportExtras;
import org.cinegraph.sandbox.catalogue.SandboxCatalogue;
import org.cinegraph.sandbox.catalogue.SandboxMovie;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * TMDb's daily ID export of the default catalogue of 2025, on a server whose clock stands at a morning of
 * 4 December 2025: yesterday's file is the newest, and the catalogue's removals happened on 1 December.
 */
@TestInstance(Lifecycle.PER_CLASS)
class ExportEndpointTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final LocalDate TODAY = LocalDate.of(2025, 12, 4);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-12-04T09:30:00Z"), ZoneOffset.UTC);

    private TmdbSandboxServer server;
    private SandboxHttp http;
    private SandboxCatalogue catalogue;

    @BeforeAll
    void startSandbox() {
        catalogue = SandboxCatalogue.defaultCatalogue(2025);
        server = TmdbSandboxServer.start(catalogue, CLOCK);
        http = new SandboxHttp(server);
    }

    @AfterAll
    void stopSandbox() {
        server.close();
    }

    @Test
    void theExportsLiveBesideTheApiOnTheSameServer() {
        assertThat(server.exportsBaseUrl()).hasToString("http://127.0.0.1:" + server.port() + "/p/exports");
        assertThat(server.exports().newestDay()).isEqualTo(TODAY.minusDays(1));
        assertThat(server.exports().oldestDay()).isEqualTo(TODAY.minusDays(90));
        assertThat(server.exports().removalDay()).isEqualTo(LocalDate.of(2025, 12, 1));
    }

    @Test
    void yesterdaysFileIsGzipWithOneMovieALineInTmdbsFormat() throws IOException {
        Download file = http.download("movie_ids_12_03_2025.json.gz");

        assertThat(file.status()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type")).contains("application/gzip");
        // The gzip magic number: the body is the compressed file itself, not a body the transport compressed.
        assertThat(file.body()[0]).isEqualTo((byte) 0x1f);
        assertThat(file.body()[1]).isEqualTo((byte) 0x8b);
        List<String> lines = file.lines();
        assertThat(lines).hasSizeGreaterThan(catalogue.totalMovies());
        for (String line : lines) {
            JsonNode entry = MAPPER.readTree(line);
            assertThat(fieldNames(entry)).as(line).containsExactly("adult", "id", "original_title", "popularity",
                    "video");
            assertThat(entry.get("adult").isBoolean()).as(line).isTrue();
            assertThat(entry.get("id").isInt()).as(line).isTrue();
            assertThat(entry.get("original_title").isTextual()).as(line).isTrue();
            assertThat(entry.get("popularity").isNumber()).as(line).isTrue();
            assertThat(entry.get("video").isBoolean()).as(line).isTrue();
            SandboxMovie movie = catalogue.movie(entry.get("id").asInt()).orElseThrow();
            assertThat(entry.get("adult").asBoolean()).as(line).isEqualTo(movie.adult());
            assertThat(entry.get("original_title").asText()).as(line).isEqualTo(movie.originalTitle());
            assertThat(entry.get("popularity").asDouble()).as(line).isEqualTo(movie.popularity());
            assertThat(entry.get("video").asBoolean()).as(line).isEqualTo(movie.video());
        }
    }

    @Test
    void yesterdaysFileListsEveryMovieTmdbKnowsByIdButTheRemovedOnes() {
        List<Integer> listed = ids(http.download("movie_ids_12_03_2025.json.gz"));

        Set<Integer> expected = everyMovieTmdbKnows();
        ExportExtras extras = catalogue.exportExtras();
        expected.removeAll(extras.removed());
        assertThat(listed).isSorted().doesNotHaveDuplicates().containsExactlyElementsOf(expected);
        assertThat(listed).containsAll(extras.all()).doesNotContainAnyElementsOf(extras.removed());
        assertThat(server.exports().ids(TODAY.minusDays(1))).containsExactlyElementsOf(expected);
    }

    @Test
    void theRemovedMoviesAreListedUpToTheDayBeforeTheRemovalAndNotFromIt() {
        ExportExtras extras = catalogue.exportExtras();

        List<Integer> dayBefore = ids(http.download("movie_ids_11_30_2025.json.gz"));
        List<Integer> removalDay = ids(http.download("movie_ids_12_01_2025.json.gz"));
        List<Integer> oldest = ids(http.download("movie_ids_09_05_2025.json.gz"));

        assertThat(extras.removed()).hasSize(3);
        assertThat(dayBefore).containsAll(extras.removed()).containsExactlyElementsOf(everyMovieTmdbKnows());
        assertThat(oldest).containsExactlyElementsOf(dayBefore);
        assertThat(removalDay).doesNotContainAnyElementsOf(extras.removed()).hasSize(dayBefore.size() - 3);
    }

    @Test
    void theRemovedMoviesStayInDiscoverAndDetails() {
        for (int removed : catalogue.exportExtras().removed()) {
            int year = catalogue.movie(removed).orElseThrow().releaseDate().getYear();
            assertThat(http.get("/movie/" + removed).status()).isEqualTo(200);
            assertThat(http.allPages("primary_release_year=" + year + "&include_adult=false&include_video=false"))
                    .anyMatch(movie -> movie.get("id").asInt() == removed);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "movie_ids_12_04_2025.json.gz", // today's, not published until tomorrow
        "movie_ids_12_05_2025.json.gz",
        "movie_ids_01_01_2027.json.gz",
        "movie_ids_09_04_2025.json.gz", // 91 days ago, no longer kept
        "movie_ids_13_01_2025.json.gz",
        "movie_ids_02_30_2025.json.gz",
        "movie_ids_12_3_2025.json.gz",
        "movie_ids_12_03_2025.json",
        "movie_ids_2025-12-03.json.gz",
        "tv_series_ids_12_03_2025.json.gz",
        ""})
    void daysNotPublishedAndOtherNamesAnswerTheFileServers404(String name) {
        Download answer = http.download(name);

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.headers().firstValue("Content-Type")).contains("application/xml");
        assertThat(answer.text()).contains("<Code>NoSuchKey</Code>");
    }

    @Test
    void theOldestFileKeptIsNinetyDaysOld() {
        assertThat(http.download("movie_ids_09_05_2025.json.gz").status()).isEqualTo(200);
        assertThat(http.download("movie_ids_09_04_2025.json.gz").status()).isEqualTo(404);
    }

    private Set<Integer> everyMovieTmdbKnows() {
        Set<Integer> ids = new TreeSet<>();
        catalogue.years().forEach(year -> ids.addAll(catalogue.movieIds(year)));
        ids.addAll(catalogue.exportExtras().all());
        catalogue.nominatedFilms().forEach(film -> ids.add(film.tmdbId()));
        return ids;
    }

    private static List<Integer> ids(Download file) {
        assertThat(file.status()).isEqualTo(200);
        return file.ids();
    }

    private static List<String> fieldNames(JsonNode entry) {
        List<String> names = new ArrayList<>();
        entry.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
