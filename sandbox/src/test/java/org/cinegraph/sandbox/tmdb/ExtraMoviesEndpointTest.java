package org.cinegraph.sandbox.tmdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import org.cinegraph.sandbox.SandboxHttp.Reply;
import org.cinegraph.sandbox.SharedSandboxTest;
import org.cinegraph.sandbox.catalogue.ExportExtras;
import org.cinegraph.sandbox.catalogue.SandboxMovie;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The movies of the default catalogue that no year lists, through the API: fetchable by id, never in discover but
 * for the adult and video entries, which discover lists only when asked to. Discover of the five years answers
 * what it always answered.
 */
class ExtraMoviesEndpointTest extends SharedSandboxTest {

    /** What the importer sends with every discover request. */
    private static final String AS_THE_IMPORTER = "&include_adult=false&include_video=false";
    private static final String EVERY_SECTION = "?append_to_response=credits,external_ids,keywords,release_dates";
    private static final Map<Integer, Integer> COUNTS = Map.of(2025, 300, 2024, 250, 2023, 200, 2022, 180, 2021, 150);

    @ParameterizedTest
    @ValueSource(ints = {2021, 2022, 2023, 2024, 2025})
    void discoverOfEachYearListsItsGeneratedMoviesAloneWhetherOrNotTheFlagsAreSent(int year) {
        List<JsonNode> asTheImporter = http.allPages("primary_release_year=" + year + AS_THE_IMPORTER);
        List<JsonNode> withoutFlags = http.allPages("primary_release_year=" + year);

        assertThat(http.get("/discover/movie?primary_release_year=" + year + AS_THE_IMPORTER).body()
                .get("total_results").asInt()).isEqualTo(COUNTS.get(year));
        assertThat(ids(asTheImporter)).containsExactlyInAnyOrderElementsOf(server.catalogue().movieIds(year));
        assertThat(ids(withoutFlags)).containsExactlyElementsOf(ids(asTheImporter));
        assertThat(asTheImporter).allSatisfy(movie -> {
            assertThat(movie.get("adult").asBoolean()).isFalse();
            assertThat(movie.get("video").asBoolean()).isFalse();
        });
    }

    @Test
    void discoverWithoutDatesCountsTheGeneratedMoviesAsTheClientsTotalAsks() {
        Reply total = http.get("/discover/movie?page=1" + AS_THE_IMPORTER);

        assertThat(total.body().get("total_results").asInt()).isEqualTo(server.catalogue().totalMovies())
                .isEqualTo(1080);
    }

    @ParameterizedTest
    @ValueSource(strings = {"include_adult", "include_video"})
    void adultAndVideoEntriesAreListedInTheirYearOnlyWhenAsked(String flag) {
        ExportExtras extras = server.catalogue().exportExtras();
        Set<Integer> asked = flag.equals("include_adult") ? extras.adult() : extras.video();
        Map<Integer, Set<Integer>> askedByYear = asked.stream().collect(Collectors.groupingBy(
                id -> server.catalogue().movie(id).orElseThrow().releaseDate().getYear(), Collectors.toSet()));
        assertThat(askedByYear.keySet()).isNotEmpty().isSubsetOf(server.catalogue().years());

        for (int year : server.catalogue().years()) {
            Set<Integer> expected = new TreeSet<>(server.catalogue().movieIds(year));
            expected.addAll(askedByYear.getOrDefault(year, Set.of()));
            for (String order : List.of("popularity.desc", "primary_release_date.asc", "title.asc")) {
                List<JsonNode> listed = http.allPages("primary_release_year=" + year + "&" + flag + "=true&sort_by="
                        + order);
                assertThat(ids(listed)).as(year + " " + order).doesNotHaveDuplicates()
                        .containsExactlyInAnyOrderElementsOf(expected);
                assertThat(listed.stream().map(movie -> server.catalogue().movie(movie.get("id").asInt())))
                        .as(year + " " + order)
                        .map(Optional::orElseThrow)
                        .isSortedAccordingTo(DiscoverSort.fromParameter(order).orElseThrow().order());
            }
        }
        Reply everything = http.get("/discover/movie?" + flag + "=true");
        assertThat(everything.body().get("total_results").asInt()).isEqualTo(1080 + asked.size());
    }

    @Test
    void undatedAnnouncedAndPreCinemaMoviesAreInNoDiscoverAnswer() {
        ExportExtras extras = server.catalogue().exportExtras();
        Set<Integer> neverListed = new TreeSet<>(extras.undated());
        neverListed.addAll(extras.announced());
        neverListed.addAll(extras.preCinema());

        for (int year : List.of(1870, 1871, 1872, 1873, 2026, 2027)) {
            assertThat(http.get("/discover/movie?primary_release_year=" + year
                    + "&include_adult=true&include_video=true").body().get("total_results").asInt()).isZero();
        }
        Reply everything = http.get("/discover/movie?include_adult=true&include_video=true");
        assertThat(everything.body().get("total_results").asInt())
                .isEqualTo(1080 + extras.adult().size() + extras.video().size());
    }

    @Test
    void aFlagThatIsNotTrueOrFalseIsRefused() {
        assertThat(http.get("/discover/movie?include_adult=yes").status()).isEqualTo(422);
        assertThat(http.get("/discover/movie?include_video=1").status()).isEqualTo(422);
    }

    @Test
    void everyExtraMovieIsFetchableWithEverySection() {
        ExportExtras extras = server.catalogue().exportExtras();
        assertThat(extras.all()).hasSize(32);

        for (int id : extras.all()) {
            Reply details = http.get("/movie/" + id + EVERY_SECTION);
            SandboxMovie movie = server.catalogue().movie(id).orElseThrow();
            assertThat(details.status()).as("movie %d", id).isEqualTo(200);
            JsonNode body = details.body();
            assertThat(body.get("id").asInt()).isEqualTo(id);
            assertThat(body.get("title").asText()).isEqualTo(movie.title());
            assertThat(body.get("adult").asBoolean()).isEqualTo(extras.adult().contains(id));
            assertThat(body.get("video").asBoolean()).isEqualTo(extras.video().contains(id));
            assertThat(body.get("credits").get("cast")).isNotEmpty();
            assertThat(body.get("external_ids").get("imdb_id").isNull()).isTrue();
            assertThat(body.get("keywords").get("keywords")).isNotEmpty();
        }
    }

    @Test
    void anUndatedMovieHasAnEmptyReleaseDateAndNoReleaseAnywhere() {
        for (int id : server.catalogue().exportExtras().undated()) {
            JsonNode body = http.get("/movie/" + id + EVERY_SECTION).body();

            assertThat(body.get("release_date").isTextual()).isTrue();
            assertThat(body.get("release_date").asText()).isEmpty();
            assertThat(body.get("status").asText()).isEqualTo("Planned");
            assertThat(body.get("release_dates").get("results")).isEmpty();
        }
    }

    @Test
    void theDatedExtrasShowTheirDates() {
        ExportExtras extras = server.catalogue().exportExtras();

        assertThat(years(extras.announced())).containsOnly(2026, 2027);
        assertThat(years(extras.preCinema())).containsExactlyInAnyOrder(1870, 1871, 1872, 1873);
        for (int id : extras.announced()) {
            assertThat(http.get("/movie/" + id).body().get("status").asText()).isEqualTo("Post Production");
        }
        for (int id : extras.preCinema()) {
            assertThat(http.get("/movie/" + id).body().get("status").asText()).isEqualTo("Released");
        }
    }

    private List<Integer> years(Set<Integer> ids) {
        return ids.stream()
                .map(id -> LocalDate.parse(http.get("/movie/" + id).body().get("release_date").asText()).getYear())
                .toList();
    }

    private static List<Integer> ids(List<JsonNode> movies) {
        return movies.stream().map(movie -> movie.get("id").asInt()).toList();
    }
}
