package org.cinegraph.sandbox.tmdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import org.cinegraph.sandbox.SandboxServerTest;
import org.cinegraph.sandbox.catalogue.SandboxCatalogue;
import org.cinegraph.sandbox.catalogue.SandboxMovie;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PopularityDriftFaultTest extends SandboxServerTest {

    private static final int PAGES_OF_2025 = 15;

    @Test
    void popularityPagesShiftWhileAClientReadsThem() {
        server.faults().popularityDrift(true);

        List<List<JsonNode>> firstRead = pagesOf2025("popularity.desc");
        List<List<JsonNode>> secondRead = pagesOf2025("popularity.desc");

        assertThat(membership(secondRead)).isNotEqualTo(membership(firstRead));
        List<Integer> seenInOneRead = firstRead.stream().flatMap(List::stream).map(movie -> movie.get("id").asInt())
                .toList();
        assertThat(new HashSet<>(seenInOneRead)).as("some movies seen twice, so others missed")
                .hasSizeLessThan(seenInOneRead.size());
        assertThat(firstRead).allSatisfy(page -> assertThat(page).isSortedAccordingTo(
                Comparator.comparingDouble((JsonNode movie) -> movie.get("popularity").asDouble()).reversed()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"primary_release_date.asc", "title.asc", "vote_count.desc"})
    void otherOrdersStayPutWhilePopularityMoves(String sortBy) {
        server.faults().popularityDrift(true);

        List<List<JsonNode>> firstRead = pagesOf2025(sortBy);
        List<List<JsonNode>> secondRead = pagesOf2025(sortBy);

        assertThat(ids(secondRead)).isEqualTo(ids(firstRead));
        assertThat(popularities(secondRead)).isNotEqualTo(popularities(firstRead));
    }

    @Test
    void detailsShowTheDriftedPopularity() {
        SandboxMovie movie = server.catalogue().movie(server.catalogue().movieIds(2025).iterator().next())
                .orElseThrow();
        server.faults().popularityDrift(true);

        Set<Double> shown = new HashSet<>();
        for (int read = 0; read < 5; read++) {
            shown.add(http.get("/movie/" + movie.tmdbId()).body().get("popularity").asDouble());
        }

        assertThat(shown).hasSizeGreaterThan(1).allSatisfy(popularity -> assertThat(popularity)
                .isBetween(movie.popularity() * 0.7 - 0.001, movie.popularity() * 1.3 + 0.001));
    }

    @Test
    void switchedOffPopularityIsTheCataloguesAgain() {
        SandboxCatalogue catalogue = server.catalogue();
        server.faults().popularityDrift(true);
        pagesOf2025("popularity.desc");

        server.faults().popularityDrift(false);

        List<JsonNode> firstPage = pagesOf2025("popularity.desc").get(0);
        List<Integer> mostPopular = catalogue.movieIds(2025).stream()
                .map(id -> catalogue.movie(id).orElseThrow())
                .sorted(Comparator.comparingDouble(SandboxMovie::popularity).reversed()
                        .thenComparingInt(SandboxMovie::tmdbId))
                .limit(DiscoverPage.SIZE)
                .map(SandboxMovie::tmdbId)
                .toList();
        assertThat(firstPage.stream().map(movie -> movie.get("id").asInt())).containsExactlyElementsOf(mostPopular);
        SandboxMovie top = catalogue.movie(mostPopular.get(0)).orElseThrow();
        assertThat(http.get("/movie/" + top.tmdbId()).body().get("popularity").asDouble())
                .isEqualTo(top.popularity());
    }

    private List<List<JsonNode>> pagesOf2025(String sortBy) {
        List<List<JsonNode>> pages = new ArrayList<>();
        for (int page = 1; page <= PAGES_OF_2025; page++) {
            List<JsonNode> results = new ArrayList<>();
            http.get("/discover/movie?primary_release_year=2025&sort_by=" + sortBy + "&page=" + page).body()
                    .get("results").forEach(results::add);
            pages.add(results);
        }
        return pages;
    }

    private static List<Set<Integer>> membership(List<List<JsonNode>> pages) {
        return pages.stream()
                .map(page -> page.stream().map(movie -> movie.get("id").asInt()).collect(Collectors.toSet()))
                .toList();
    }

    private static List<List<Integer>> ids(List<List<JsonNode>> pages) {
        return pages.stream().map(page -> page.stream().map(movie -> movie.get("id").asInt()).toList()).toList();
    }

    private static List<List<Double>> popularities(List<List<JsonNode>> pages) {
        return pages.stream()
                .map(page -> page.stream().map(movie -> movie.get("popularity").asDouble()).toList())
                .toList();
    }
}
