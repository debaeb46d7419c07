package org.cinegraph.sandbox.tmdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cinegraph.sandbox.SandboxHttp.assertTmdbError;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import org.cinegraph.sandbox.SandboxHttp.Reply;
import org.cinegraph.sandbox.SharedSandboxTest;
import org.cinegraph.sandbox.catalogue.FestivalFilms;
import org.cinegraph.sandbox.catalogue.SandboxMovie;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code /search/movie}: festival films and generated movies by the words of their titles. */
class SearchEndpointTest extends SharedSandboxTest {

    private static final int OPPENHEIMER = 105_121;
    private static final String INVALID_PARAMETERS = "Invalid parameters: Your request parameters are incorrect.";
    private static final String INVALID_PAGE =
            "Invalid page: Pages start at 1 and max at 500. They are expected to be an integer.";

    @Test
    void aNominatedFilmIsFoundByItsTitleInTmdbsPagedShape() {
        Reply reply = search("Oppenheimer");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().fieldNames()).toIterable()
                .containsExactly("page", "results", "total_pages", "total_results");
        assertThat(reply.body().get("page").asInt()).isEqualTo(1);
        JsonNode film = reply.body().get("results").get(0);
        assertThat(film.get("id").asInt()).isEqualTo(OPPENHEIMER);
        assertThat(film.get("title").asText()).isEqualTo("Oppenheimer");
        assertThat(film.fieldNames()).toIterable().containsExactly("adult", "backdrop_path", "genre_ids", "id",
                "original_language", "original_title", "overview", "popularity", "poster_path", "release_date",
                "title", "video", "vote_average", "vote_count");
        assertThat(reply.body().get("total_results").asInt()).isEqualTo(reply.body().get("results").size());
        assertThat(reply.body().get("total_pages").asInt()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"year", "primary_release_year"})
    void aYearKeepsOnlyTheMoviesReleasedInIt(String parameter) {
        assertThat(ids(search("Oppenheimer", "&" + parameter + "=2023"))).contains(OPPENHEIMER);
        assertThat(ids(search("Oppenheimer", "&" + parameter + "=2024"))).doesNotContain(OPPENHEIMER);

        List<JsonNode> of2024 = results(search("the", "&" + parameter + "=2024"));
        assertThat(of2024).isNotEmpty().allSatisfy(movie ->
                assertThat(movie.get("release_date").asText()).startsWith("2024-"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"amelie", "AMÉLIE", "Amélie", "  amélie!"})
    void caseAndAccentsDoNotMatter(String query) {
        assertThat(titles(search(query))).contains("Amélie");
    }

    @Test
    void everyWordOfTheQueryMustBeInTheTitle() {
        assertThat(results(search("Oppenheimer Barbie"))).isEmpty();
        assertThat(titles(search("poor things"))).contains("Poor Things");
        assertThat(titles(search("things poor"))).contains("Poor Things");
    }

    @Test
    void aFilmTheSandboxLeavesOutIsNotFound() {
        Reply reply = search("Past Lives");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(results(reply)).isEmpty();
        assertThat(reply.body().get("total_results").asInt()).isZero();
    }

    @Test
    void generatedMoviesAreFoundToo() {
        SandboxMovie movie = generated().get(17);

        assertThat(ids(search(movie.title()))).contains(movie.tmdbId());
    }

    @Test
    void exactTitlesComeFirstThenTheMostPopular() {
        // A generated title that is part of longer titles too, e.g. "Silent Harbor" of "The Silent Harbor".
        List<SandboxMovie> movies = generated();
        SandboxMovie shorter = movies.stream()
                .filter(movie -> movies.stream().anyMatch(other -> other.title().length() > movie.title().length()
                        && other.title().endsWith(" " + movie.title())))
                .findFirst().orElseThrow();

        List<JsonNode> found = results(search(shorter.title().toLowerCase()));

        assertThat(found.get(0).get("title").asText()).isEqualTo(shorter.title());
        assertThat(found).anyMatch(movie -> !movie.get("title").asText().equals(shorter.title()));
        Comparator<JsonNode> relevance = Comparator
                .comparing((JsonNode movie) -> !movie.get("title").asText().equals(shorter.title()))
                .thenComparing(movie -> -movie.get("popularity").asDouble())
                .thenComparing(movie -> movie.get("id").asInt());
        assertThat(found).isSortedAccordingTo(relevance);
    }

    @Test
    void resultsComeTwentyAPageEachOnce() {
        Reply first = search("harbor");
        int total = first.body().get("total_results").asInt();
        int totalPages = first.body().get("total_pages").asInt();
        assertThat(total).isGreaterThan(20);
        assertThat(totalPages).isEqualTo((total + 19) / 20);

        List<Integer> seen = new ArrayList<>();
        for (int page = 1; page <= totalPages; page++) {
            Reply reply = search("harbor", "&page=" + page);
            assertThat(reply.body().get("page").asInt()).isEqualTo(page);
            assertThat(results(reply)).hasSize(page < totalPages ? 20 : total - 20 * (totalPages - 1));
            seen.addAll(ids(reply));
        }
        assertThat(seen).hasSize(total).doesNotHaveDuplicates();
        assertThat(results(search("harbor", "&page=" + (totalPages + 1)))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "query=", "query=%20", "query=..."})
    void anEmptyQueryFindsNothing(String query) {
        Reply reply = http.get("/search/movie?" + query);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(results(reply)).isEmpty();
        assertThat(reply.body().get("total_results").asInt()).isZero();
    }

    @Test
    void parametersTmdbClientsSendAreAccepted() {
        Reply reply = search("Oppenheimer", "&include_adult=false&language=en-US&page=1&api_key=secret");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(ids(reply)).contains(OPPENHEIMER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "501", "abc", "1.5", ""})
    void invalidPagesAreRefusedAsTmdbDoes(String page) {
        Reply reply = search("Oppenheimer", "&page=" + page);

        assertThat(reply.status()).isEqualTo(422);
        assertTmdbError(reply, 22, INVALID_PAGE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"year=twenty", "year=", "primary_release_year=2023.5", "primary_release_year=",
            "year=99999999999", "include_adult=maybe"})
    void invalidYearsAndFlagsAreRefused(String parameter) {
        Reply reply = search("Oppenheimer", "&" + parameter);

        assertThat(reply.status()).isEqualTo(422);
        assertTmdbError(reply, 5, INVALID_PARAMETERS);
    }

    @Test
    void festivalFilmsStayOutOfDiscover() {
        Reply discover = http.get("/discover/movie?primary_release_year=2023");

        assertThat(discover.body().get("total_results").asInt()).isEqualTo(200);
        List<Integer> listed = http.allPages("primary_release_year=2023").stream()
                .map(movie -> movie.get("id").asInt()).toList();
        assertThat(listed).hasSize(200).noneMatch(FestivalFilms::holds);
        assertThat(Set.copyOf(listed)).isEqualTo(server.catalogue().movieIds(2023));
    }

    private Reply search(String query) {
        return search(query, "");
    }

    private Reply search(String query, String more) {
        return http.get("/search/movie?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8) + more);
    }

    private static List<JsonNode> results(Reply reply) {
        List<JsonNode> results = new ArrayList<>();
        reply.body().get("results").forEach(results::add);
        return results;
    }

    private static List<Integer> ids(Reply reply) {
        return results(reply).stream().map(movie -> movie.get("id").asInt()).toList();
    }

    private static List<String> titles(Reply reply) {
        return results(reply).stream().map(movie -> movie.get("title").asText()).toList();
    }

    private List<SandboxMovie> generated() {
        return server.catalogue().moviesReleasedBetween(LocalDate.of(2021, 1, 1), LocalDate.of(2025, 12, 31));
    }
}
