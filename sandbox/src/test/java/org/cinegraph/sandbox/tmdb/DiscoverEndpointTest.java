package org.cinegraph.sandbox.tmdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cinegraph.sandbox.SandboxHttp.assertTmdbError;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import org.cinegraph.sandbox.SandboxHttp.Reply;
import org.cinegraph.sandbox.SharedSandboxTest;
import org.cinegraph.sandbox.catalogue.SandboxCatalogue;
import org.cinegraph.sandbox.catalogue.SandboxMovie;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DiscoverEndpointTest extends SharedSandboxTest {

    private static final int LARGE_YEAR = 2019;
    private static final String INVALID_PAGE =
            "Invalid page: Pages start at 1 and max at 500. They are expected to be an integer.";

    @Override
    protected SandboxCatalogue catalogue() {
        return SandboxCatalogue.builder().seed(7)
                .year(LARGE_YEAR, 12_000).year(2023, 200).year(2024, 250).year(2025, 300)
                .build();
    }

    @Test
    void pagesOfAYearHoldEachOfItsMoviesExactlyOnce() {
        Reply first = http.get("/discover/movie?primary_release_year=2025");

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body().get("page").asInt()).isEqualTo(1);
        assertThat(first.body().get("total_results").asInt()).isEqualTo(300);
        assertThat(first.body().get("total_pages").asInt()).isEqualTo(15);
        assertThat(first.body().get("results")).hasSize(20);

        List<JsonNode> all = http.allPages("primary_release_year=2025");
        assertThat(ids(all)).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(
                catalogueIds(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31)));
        assertThat(all).allSatisfy(movie -> assertThat(movie.get("release_date").asText()).startsWith("2025-"));
    }

    @Test
    void aLargeYearReportsAllItsPagesButServesOnlyFiveHundred() {
        String year = "/discover/movie?primary_release_year=" + LARGE_YEAR;

        Reply first = http.get(year);
        Reply last = http.get(year + "&page=500");
        Reply beyond = http.get(year + "&page=501");

        assertThat(first.body().get("total_results").asInt()).isEqualTo(12_000);
        assertThat(first.body().get("total_pages").asInt()).isEqualTo(600);
        assertThat(last.status()).isEqualTo(200);
        assertThat(last.body().get("results")).hasSize(20);
        assertThat(last.body().get("total_pages").asInt()).isEqualTo(600);
        assertThat(beyond.status()).isEqualTo(422);
        assertTmdbError(beyond, 22, INVALID_PAGE);
    }

    @Test
    void monthlyWindowsReachEveryMovieOfALargeYearExactlyOnce() {
        List<Integer> seen = new ArrayList<>();
        for (int month = 1; month <= 12; month++) {
            YearMonth window = YearMonth.of(LARGE_YEAR, month);
            List<JsonNode> movies = http.allPages("primary_release_date.gte=" + window.atDay(1)
                    + "&primary_release_date.lte=" + window.atEndOfMonth());
            assertThat(movies).allSatisfy(movie ->
                    assertThat(YearMonth.from(LocalDate.parse(movie.get("release_date").asText()))).isEqualTo(window));
            seen.addAll(ids(movies));
        }

        assertThat(seen).hasSize(12_000).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(
                        catalogueIds(LocalDate.of(LARGE_YEAR, 1, 1), LocalDate.of(LARGE_YEAR, 12, 31)));
    }

    @Test
    void dateWindowsIncludeBothEnds() {
        List<SandboxMovie> year = server.catalogue()
                .moviesReleasedBetween(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31));
        LocalDate from = year.get(40).releaseDate();
        LocalDate to = year.get(120).releaseDate();

        List<JsonNode> movies = http.allPages("primary_release_date.gte=" + from + "&primary_release_date.lte=" + to);

        assertThat(ids(movies)).containsExactlyInAnyOrderElementsOf(catalogueIds(from, to));
        assertThat(movies).allSatisfy(movie -> assertThat(LocalDate.parse(movie.get("release_date").asText()))
                .isBetween(from, to));
        assertThat(movies).anyMatch(movie -> movie.get("release_date").asText().equals(from.toString()));
        assertThat(movies).anyMatch(movie -> movie.get("release_date").asText().equals(to.toString()));
    }

    @Test
    void windowsMayCrossYears() {
        LocalDate from = LocalDate.of(2023, 12, 1);
        LocalDate to = LocalDate.of(2024, 1, 31);

        List<JsonNode> movies = http.allPages("primary_release_date.gte=" + from + "&primary_release_date.lte=" + to
                + "&sort_by=vote_count.desc");

        assertThat(ids(movies)).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(catalogueIds(from, to));
        assertThat(movies).anyMatch(movie -> movie.get("release_date").asText().startsWith("2023-"))
                .anyMatch(movie -> movie.get("release_date").asText().startsWith("2024-"));
        assertThat(movies).isSortedAccordingTo(order("vote_count.desc"));
    }

    @Test
    void yearAndDatesNarrowEachOther() {
        List<JsonNode> movies = http.allPages("primary_release_year=2024&primary_release_date.gte=2023-06-01"
                + "&primary_release_date.lte=2024-03-31");

        assertThat(ids(movies)).containsExactlyInAnyOrderElementsOf(
                catalogueIds(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 3, 31)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"popularity.desc", "popularity.asc", "primary_release_date.asc",
            "primary_release_date.desc", "vote_count.desc", "vote_count.asc", "vote_average.desc",
            "original_title.asc", "title.asc", "title.desc"})
    void everySortIsTotalWithTiesBrokenByAscendingId(String sortBy) {
        List<JsonNode> movies = http.allPages("primary_release_year=2025&sort_by=" + sortBy);

        assertThat(ids(movies)).hasSize(300).doesNotHaveDuplicates();
        assertThat(movies).isSortedAccordingTo(order(sortBy));
    }

    @Test
    void tiesExistAndAreOrderedTheSameWayOnEveryRequest() {
        List<JsonNode> byDate = http.allPages("primary_release_year=2025&sort_by=primary_release_date.asc");
        List<JsonNode> again = http.allPages("primary_release_year=2025&sort_by=primary_release_date.asc");

        Set<String> dates = byDate.stream()
                .map(movie -> movie.get("release_date").asText())
                .collect(Collectors.toSet());
        assertThat(dates).hasSizeLessThan(byDate.size());
        assertThat(ids(again)).containsExactlyElementsOf(ids(byDate));
    }

    @Test
    void popularityDescendingIsTheDefaultOrder() {
        List<JsonNode> implicit = http.allPages("primary_release_year=2024");
        List<JsonNode> explicit = http.allPages("primary_release_year=2024&sort_by=popularity.desc");

        assertThat(ids(implicit)).containsExactlyElementsOf(ids(explicit));
        assertThat(implicit).isSortedAccordingTo(order("popularity.desc"));
    }

    @Test
    void aPagePastTheLastIsEmpty() {
        Reply reply = http.get("/discover/movie?primary_release_year=2025&page=16");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().get("page").asInt()).isEqualTo(16);
        assertThat(reply.body().get("results")).isEmpty();
        assertThat(reply.body().get("total_results").asInt()).isEqualTo(300);
        assertThat(reply.body().get("total_pages").asInt()).isEqualTo(15);
    }

    @Test
    void aYearWithoutMoviesIsEmpty() {
        Reply reply = http.get("/discover/movie?primary_release_year=1950");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().get("results")).isEmpty();
        assertThat(reply.body().get("total_results").asInt()).isZero();
        assertThat(reply.body().get("total_pages").asInt()).isZero();
    }

    @Test
    void resultsCarryTmdbsDiscoverFields() {
        JsonNode movie = http.get("/discover/movie?primary_release_year=2025").body().get("results").get(0);

        assertThat(movie.fieldNames()).toIterable().containsExactly("adult", "backdrop_path", "genre_ids", "id",
                "original_language", "original_title", "overview", "popularity", "poster_path", "release_date",
                "title", "video", "vote_average", "vote_count");
        assertThat(movie.get("adult").isBoolean()).isTrue();
        assertThat(movie.get("genre_ids").isArray()).isTrue();
        assertThat(movie.get("id").isInt()).isTrue();
        assertThat(movie.get("popularity").isDouble()).isTrue();
        assertThat(movie.get("vote_average").isDouble()).isTrue();
        assertThat(movie.get("vote_count").isInt()).isTrue();
        SandboxMovie expected = server.catalogue().movie(movie.get("id").asInt()).orElseThrow();
        assertThat(movie.get("title").asText()).isEqualTo(expected.title());
        assertThat(movie.get("popularity").asDouble()).isEqualTo(expected.popularity());
    }

    @Test
    void parametersTmdbClientsSendAreAccepted() {
        Reply reply = http.get("/discover/movie?primary_release_year=2025&include_adult=false&include_video=false"
                + "&language=en-US&api_key=secret&page=2");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().get("page").asInt()).isEqualTo(2);
        assertThat(reply.body().get("results")).hasSize(20);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "501", "abc", "1.5", ""})
    void invalidPagesAreRefusedAsTmdbDoes(String page) {
        Reply reply = http.get("/discover/movie?primary_release_year=2025&page=" + page);

        assertThat(reply.status()).isEqualTo(422);
        assertTmdbError(reply, 22, INVALID_PAGE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"primary_release_date.gte=2024-13-01", "primary_release_date.lte=yesterday",
            "primary_release_date.gte=2024-02-30", "primary_release_date.lte=2024-1-5"})
    void invalidDatesAreRefused(String parameter) {
        Reply reply = http.get("/discover/movie?" + parameter);

        assertThat(reply.status()).isEqualTo(422);
        assertTmdbError(reply, 23, "Invalid date: Format needs to be YYYY-MM-DD.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"primary_release_year=twenty", "primary_release_year=", "sort_by=budget.desc"})
    void invalidYearsAndSortsAreRefused(String parameter) {
        Reply reply = http.get("/discover/movie?" + parameter);

        assertThat(reply.status()).isEqualTo(422);
        assertTmdbError(reply, 5, "Invalid parameters: Your request parameters are incorrect.");
    }

    private static Comparator<JsonNode> order(String sortBy) {
        Comparator<JsonNode> key = switch (sortBy.substring(0, sortBy.lastIndexOf('.'))) {
            case "popularity" -> Comparator.comparingDouble(movie -> movie.get("popularity").asDouble());
            case "primary_release_date" -> Comparator.comparing(movie -> movie.get("release_date").asText());
            case "vote_count" -> Comparator.comparingInt(movie -> movie.get("vote_count").asInt());
            case "vote_average" -> Comparator.comparingDouble(movie -> movie.get("vote_average").asDouble());
            case "original_title" -> Comparator.comparing(movie -> movie.get("original_title").asText());
            case "title" -> Comparator.comparing(movie -> movie.get("title").asText());
            default -> throw new IllegalArgumentException(sortBy);
        };
        return (sortBy.endsWith(".desc") ? key.reversed() : key).thenComparingInt(movie -> movie.get("id").asInt());
    }

    private static List<Integer> ids(List<JsonNode> movies) {
        return movies.stream().map(movie -> movie.get("id").asInt()).toList();
    }

    private Set<Integer> catalogueIds(LocalDate from, LocalDate to) {
        return server.catalogue().moviesReleasedBetween(from, to).stream()
                .map(SandboxMovie::tmdbId)
                .collect(Collectors.toCollection(HashSet::new));
    }
}
