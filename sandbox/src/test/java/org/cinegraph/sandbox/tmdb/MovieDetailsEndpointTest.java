package org.cinegraph.sandbox.tmdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cinegraph.sandbox.SandboxHttp.assertTmdbError;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.cinegraph.sandbox.SandboxHttp.Reply;
import org.cinegraph.sandbox.SharedSandboxTest;
import org.cinegraph.sandbox.catalogue.SandboxMovie;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MovieDetailsEndpointTest extends SharedSandboxTest {

    private static final String ALL_SECTIONS = "?append_to_response=credits,external_ids,keywords,release_dates";
    private static final String NOT_FOUND = "The resource you requested could not be found.";

    @Test
    void detailsAgreeWithWhatDiscoverShowed() {
        List<JsonNode> discovered = http.allPages("primary_release_year=2024");

        assertThat(discovered).hasSize(250).allSatisfy(entry -> {
            Reply details = http.get("/movie/" + entry.get("id").asInt());
            assertThat(details.status()).isEqualTo(200);
            for (String field : List.of("id", "title", "original_title", "original_language", "overview",
                    "popularity", "poster_path", "backdrop_path", "release_date", "vote_average", "vote_count",
                    "adult", "video")) {
                assertThat(details.body().get(field)).as(field).isEqualTo(entry.get(field));
            }
            assertThat(StreamSupport.stream(details.body().get("genres").spliterator(), false)
                    .map(genre -> genre.get("id"))
                    .toList())
                    .containsExactlyElementsOf(entry.get("genre_ids"));
        });
    }

    @Test
    void detailsCarryTmdbsFields() {
        JsonNode details = http.get("/movie/" + anyMovie().tmdbId()).body();

        assertThat(details.fieldNames()).toIterable().containsExactly("adult", "backdrop_path",
                "belongs_to_collection", "budget", "genres", "homepage", "id", "imdb_id", "origin_country",
                "original_language", "original_title", "overview", "popularity", "poster_path",
                "production_companies", "production_countries", "release_date", "revenue", "runtime",
                "spoken_languages", "status", "tagline", "title", "video", "vote_average", "vote_count");
        assertThat(details.get("genres").get(0).has("name")).isTrue();
        assertThat(details.get("origin_country").get(0).asText()).hasSize(2);
        assertThat(details.get("production_countries").get(0).has("iso_3166_1")).isTrue();
        assertThat(details.get("spoken_languages").get(0).get("iso_639_1").asText())
                .isEqualTo(details.get("original_language").asText());
        assertThat(details.get("status").asText()).isEqualTo("Released");
    }

    @Test
    void appendedSectionsComeUnderTheirOwnNames() {
        SandboxMovie movie = anyMovie();

        JsonNode details = http.get("/movie/" + movie.tmdbId() + ALL_SECTIONS).body();

        JsonNode credits = details.get("credits");
        assertThat(credits.get("cast")).isNotEmpty().allSatisfy(member -> {
            assertThat(member.get("id").isInt()).isTrue();
            assertThat(member.get("name").asText()).contains(" ");
            assertThat(member.get("character").asText()).isNotBlank();
            assertThat(member.get("credit_id").asText()).matches("[0-9a-f]{24}");
            assertThat(member.has("order")).isTrue();
        });
        assertThat(credits.get("crew")).anySatisfy(member -> {
            assertThat(member.get("job").asText()).isEqualTo("Director");
            assertThat(member.get("department").asText()).isEqualTo("Directing");
        });
        assertThat(details.get("external_ids").get("imdb_id")).isEqualTo(details.get("imdb_id"));
        assertThat(details.get("keywords").get("keywords")).isNotEmpty()
                .allSatisfy(keyword -> assertThat(keyword.get("name").asText()).isNotBlank());
        JsonNode releases = details.get("release_dates").get("results");
        assertThat(releases).anySatisfy(country -> {
            assertThat(country.get("iso_3166_1").asText()).isEqualTo(details.get("origin_country").get(0).asText());
            assertThat(country.get("release_dates")).anySatisfy(release -> {
                assertThat(release.get("type").asInt()).isEqualTo(3);
                assertThat(release.get("release_date").asText()).isEqualTo(movie.releaseDate() + "T00:00:00.000Z");
            });
        });
        assertThat(releases).allSatisfy(country -> assertThat(country.get("release_dates")).allSatisfy(release ->
                assertThat(LocalDate.parse(release.get("release_date").asText().substring(0, 10)))
                        .isAfterOrEqualTo(movie.releaseDate())));
    }

    @Test
    void onlyRequestedAndKnownSectionsAreAppended() {
        int id = anyMovie().tmdbId();

        JsonNode plain = http.get("/movie/" + id).body();
        JsonNode some = http.get("/movie/" + id + "?append_to_response=keywords,videos").body();

        assertThat(plain.has("credits")).isFalse();
        assertThat(plain.has("keywords")).isFalse();
        assertThat(some.has("keywords")).isTrue();
        assertThat(some.has("videos")).isFalse();
        assertThat(some.has("credits")).isFalse();
    }

    @Test
    void aMovieWithoutImdbIdSaysSoEverywhere() {
        SandboxMovie movie = everyMovie().stream().filter(candidate -> candidate.imdbId() == null)
                .findFirst().orElseThrow();

        JsonNode details = http.get("/movie/" + movie.tmdbId() + "?append_to_response=external_ids").body();

        assertThat(details.get("imdb_id").isNull()).isTrue();
        assertThat(details.get("external_ids").get("imdb_id").isNull()).isTrue();
    }

    @Test
    void sequelsBelongToTheirFranchisesCollection() {
        List<SandboxMovie> sequels = everyMovie().stream()
                .filter(movie -> movie.title().matches(".* \\d")).toList();

        assertThat(sequels).isNotEmpty().allSatisfy(sequel -> {
            JsonNode collection = http.get("/movie/" + sequel.tmdbId()).body().get("belongs_to_collection");
            String franchise = sequel.title().substring(0, sequel.title().length() - 2);
            assertThat(collection.get("name").asText()).isEqualTo(franchise + " Collection");
        });
        SandboxMovie standalone = everyMovie().stream()
                .filter(movie -> !movie.title().matches(".* \\d")).findFirst().orElseThrow();
        assertThat(http.get("/movie/" + standalone.tmdbId()).body().get("belongs_to_collection").isNull()).isTrue();
    }

    @Test
    void askingTwiceGivesTheSameAnswer() {
        String path = "/movie/" + anyMovie().tmdbId() + ALL_SECTIONS;

        assertThat(http.get(path).body()).isEqualTo(http.get(path).body());
    }

    @Test
    void theCatalogueWritesTheRecordTheServerAnswersBeforeTmdbsEdits() throws Exception {
        SandboxMovie movie = anyMovie();
        ObjectMapper json = new ObjectMapper();
        ObjectNode written = (ObjectNode) json.readTree(MovieDetailsJson.withEverySection(server.catalogue(), movie));
        ObjectNode answered = (ObjectNode) http.get("/movie/" + movie.tmdbId() + ALL_SECTIONS).body();

        long edits = server.changes().revision(movie.tmdbId());
        assertThat(answered.get("revenue").asLong())
                .isEqualTo(written.get("revenue").asLong() + edits * SandboxChanges.REVENUE_PER_EDIT);
        written.remove("revenue");
        answered.remove("revenue");
        assertThat(answered).isEqualTo(written);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "999999999", "abc", "12x", "-5"})
    void unknownOrMalformedIdsAreNotFound(String id) {
        Reply reply = http.get("/movie/" + id);

        assertThat(reply.status()).isEqualTo(404);
        assertTmdbError(reply, 34, NOT_FOUND);
    }

    private List<SandboxMovie> everyMovie() {
        return server.catalogue().moviesReleasedBetween(LocalDate.of(2021, 1, 1), LocalDate.of(2025, 12, 31));
    }

    private SandboxMovie anyMovie() {
        return everyMovie().get(17);
    }
}
