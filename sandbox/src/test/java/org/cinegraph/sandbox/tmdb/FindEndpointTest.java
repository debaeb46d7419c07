package org.cinegraph.sandbox.tmdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cinegraph.sandbox.SandboxHttp.assertTmdbError;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;

import org.cinegraph.sandbox.SandboxHttp.Reply;
import org.cinegraph.sandbox.SharedSandboxTest;
import org.cinegraph.sandbox.catalogue.FestivalFilms;
import org.cinegraph.sandbox.catalogue.SandboxMovie;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code /find/{imdb_id}}: festival films and generated movies by their IMDb ids. */
class FindEndpointTest extends SharedSandboxTest {

    static final String OPPENHEIMER = "tt15398776";
    /** Past Lives, nominated at the 96th ceremony, is one of the films the sandbox's TMDb does not know. */
    static final String PAST_LIVES = "tt13238346";
    private static final String INVALID_PARAMETERS = "Invalid parameters: Your request parameters are incorrect.";
    private static final List<String> OTHER_RESULTS =
            List.of("person_results", "tv_results", "tv_episode_results", "tv_season_results");

    @Test
    void aNominatedFilmIsFoundWithTmdbsListFields() {
        Reply reply = find(OPPENHEIMER);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().fieldNames()).toIterable().containsExactly("movie_results", "person_results",
                "tv_results", "tv_episode_results", "tv_season_results");
        OTHER_RESULTS.forEach(other -> assertThat(reply.body().get(other)).as(other).isEmpty());
        JsonNode movies = reply.body().get("movie_results");
        assertThat(movies).hasSize(1);
        JsonNode film = movies.get(0);
        assertThat(film.fieldNames()).toIterable().containsExactlyInAnyOrder("adult", "backdrop_path", "genre_ids",
                "id", "media_type", "original_language", "original_title", "overview", "popularity", "poster_path",
                "release_date", "title", "video", "vote_average", "vote_count");
        assertThat(film.get("media_type").asText()).isEqualTo("movie");
        assertThat(film.get("title").asText()).isEqualTo("Oppenheimer");
        assertThat(film.get("original_title").asText()).isEqualTo("Oppenheimer");
        assertThat(film.get("release_date").asText()).startsWith("2023-");
        assertThat(film.get("id").asInt()).isEqualTo(105_121);
    }

    @Test
    void aFoundFilmsDetailsAreAFullRecordThatPassesTheImportersFilter() {
        int id = find(OPPENHEIMER).body().get("movie_results").get(0).get("id").asInt();

        Reply details = http.get("/movie/" + id + "?append_to_response=credits,external_ids,keywords,release_dates");

        assertThat(details.status()).isEqualTo(200);
        JsonNode film = details.body();
        assertThat(film.get("id").asInt()).isEqualTo(id);
        assertThat(film.get("imdb_id").asText()).isEqualTo(OPPENHEIMER);
        assertThat(film.get("external_ids").get("imdb_id").asText()).isEqualTo(OPPENHEIMER);
        assertThat(film.get("title").asText()).isEqualTo("Oppenheimer");
        assertThat(film.get("original_title").asText()).isEqualTo("Oppenheimer");
        assertThat(LocalDate.parse(film.get("release_date").asText()).getYear()).isEqualTo(2023);
        assertThat(film.get("poster_path").asText()).startsWith("/");
        assertThat(film.get("vote_count").asInt()).isGreaterThanOrEqualTo(10);
        assertThat(film.get("popularity").asDouble()).isGreaterThanOrEqualTo(0.5);
        assertThat(film.get("runtime").asInt()).isPositive();
        assertThat(film.get("credits").get("crew")).anySatisfy(member ->
                assertThat(member.get("job").asText()).isEqualTo("Director"));
        assertThat(film.get("release_dates").get("results")).isNotEmpty();
    }

    @Test
    void aFilmTheSandboxLeavesOutIsUnknownToFind() {
        Reply reply = find(PAST_LIVES);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().get("movie_results")).isEmpty();
        OTHER_RESULTS.forEach(other -> assertThat(reply.body().get(other)).as(other).isEmpty());
    }

    @Test
    void theDetailsOfAnEmptyFestivalSlotAreNotFound() {
        int unknown = IntStream.iterate(FestivalFilms.FIRST_TMDB_ID, id -> id + 1)
                .filter(id -> server.catalogue().movie(id).isEmpty())
                .findFirst().orElseThrow();

        Reply details = http.get("/movie/" + unknown);

        assertThat(details.status()).isEqualTo(404);
        assertTmdbError(details, 34, "The resource you requested could not be found.");
    }

    @Test
    void aGeneratedMovieIsFoundByItsImdbIdAsDiscoverListsIt() {
        JsonNode listed = http.get("/discover/movie?primary_release_year=2024").body().get("results").get(3);
        SandboxMovie movie = server.catalogue().movie(listed.get("id").asInt()).orElseThrow();

        JsonNode found = find(movie.imdbId()).body().get("movie_results");

        assertThat(found).hasSize(1);
        listed.fieldNames().forEachRemaining(field ->
                assertThat(found.get(0).get(field)).as(field).isEqualTo(listed.get(field)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"tt0000000", "tt99999999", "nm0000138", "abc", "550"})
    void anIdNoMovieHasFindsNothing(String imdbId) {
        Reply reply = find(imdbId);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().get("movie_results")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "?external_source=", "?external_source=tvdb_id", "?external_source=IMDB_ID",
            "?external_source=imdb_id,tvdb_id"})
    void aMissingOrOtherExternalSourceIsRefused(String query) {
        Reply reply = http.get("/find/" + OPPENHEIMER + query);

        assertThat(reply.status()).isEqualTo(422);
        assertTmdbError(reply, 5, INVALID_PARAMETERS);
    }

    private Reply find(String imdbId) {
        return http.get("/find/" + imdbId + "?external_source=imdb_id&language=en-US");
    }
}
