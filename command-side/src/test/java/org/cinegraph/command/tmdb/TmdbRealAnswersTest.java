package org.cinegraph.command.tmdb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.StreamSupport;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.cinegraph.command.SharedFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

/**
 * The client reads real TMDb answers, saved in the shared fixtures' {@code tmdb} folder ({@link SharedFixtures}):
 * each served over HTTP for the request the client makes, so it goes through the same code path as TMDb's live
 * answer, and checked value by value against the file. The sandbox's answers are our own idea of TMDb; these are TMDb's.
 *
 * <p>Every file the client has a use for is read: configuration, discover, changes, details with its appended
 * sections, find and search. The client asks for the credits, external ids, keywords and release dates appended
 * to the details, never from their own endpoints: their files (TMDb's Fight Club) are nested into TMDb's
 * details of the same movie as TMDb nests them, to be read as one record. {@code movies_latest.json} answers
 * {@code /movie/latest}, which the importer never asks.
 */
class TmdbRealAnswersTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The movie of {@code movies_details_with_append_to_response.json}: Rock Crystal (Bergkristall, 2004). */
    private static final int ROCK_CRYSTAL = 12313;
    /** The movie of {@code movies_details.json} and of the files of its sections: Fight Club. */
    private static final int FIGHT_CLUB = 550;

    private static Path fixtures;
    private static HttpServer server;
    /** The answer, exactly as saved, to each path the client may ask for. */
    private static final Map<String, byte[]> answers = new ConcurrentHashMap<>();
    private static final List<URI> requests = new CopyOnWriteArrayList<>();
    private TmdbClient client;

    /** Once for the class, by the first test that finds the fixtures. */
    private static synchronized void serveTheSavedAnswers() throws IOException {
        if (server != null) {
            return;
        }
        answers.put("/3/configuration", read("configuration_details.json"));
        answers.put("/3/discover/movie", read("discover_movies.json"));
        answers.put("/3/movie/changes", read("changes_movie_list.json"));
        answers.put("/3/movie/" + ROCK_CRYSTAL, read("movies_details_with_append_to_response.json"));
        answers.put("/3/movie/" + FIGHT_CLUB, fightClubWithItsSections());
        answers.put("/3/find/tt0499549", read("find_movie_results.json"));
        answers.put("/3/search/movie", read("search_movie.json"));

        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/3/", exchange -> {
            requests.add(exchange.getRequestURI());
            byte[] body = answers.get(exchange.getRequestURI().getPath());
            exchange.getResponseHeaders().add("Content-Type", "application/json;charset=utf-8");
            if (body == null) {
                body = "{\"success\":false,\"status_code\":34}".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(404, body.length);
            } else {
                exchange.sendResponseHeaders(200, body.length);
            }
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterAll
    static void stopServing() {
        if (server != null) {
            server.stop(0);
        }
    }

    @BeforeEach
    void connect() throws IOException {
        // Each test is skipped (or fails, where required) saying why: in @BeforeAll, surefire would report
        // the class as having run no test at all, without the reason.
        fixtures = SharedFixtures.folder("tmdb");
        serveTheSavedAnswers();
        requests.clear();
        URI baseUrl = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/3");
        client = new TmdbClient(TmdbConnection.of(baseUrl, "real-answers-token", null, Duration.ofSeconds(2),
                Duration.ofSeconds(5)), new TmdbLimits(40, 4, 3, Duration.ofMillis(10), Duration.ofMillis(50), 3),
                RestClient.builder(), new SimpleMeterRegistry(), new TmdbActivity(Clock.systemUTC()));
    }

    @AfterEach
    void disconnect() throws IOException {
        if (client != null) {
            client.close();
        }
    }

    @Test
    void theConfigurationAnswerIsRead() {
        JsonNode configuration = client.configuration();

        assertThat(configuration.path("images").path("secure_base_url").asText())
                .isEqualTo("https://image.tmdb.org/t/p/");
        assertThat(configuration.path("images").path("poster_sizes")).extracting(JsonNode::asText)
                .containsExactly("w92", "w154", "w185", "w342", "w500", "w780", "original");
        assertThat(configuration.path("change_keys")).hasSize(53);
        assertThat(requests).extracting(URI::getPath).containsExactly("/3/configuration");
    }

    @Test
    void aRealDiscoverPageGivesEachOfItsTwentyMovies() {
        DiscoverPage page = client.discover(LocalDate.of(2022, 1, 1), LocalDate.of(2023, 12, 31), 1);

        assertThat(page.page()).isEqualTo(1);
        assertThat(page.totalPages()).isEqualTo(38_020);
        assertThat(page.totalResults()).isEqualTo(760_385);
        assertThat(page.movies()).hasSize(20).extracting(DiscoveredMovie::tmdbId).doesNotHaveDuplicates();
        assertThat(page.movies().get(0)).isEqualTo(new DiscoveredMovie(640146,
                "Ant-Man and the Wasp: Quantumania", LocalDate.of(2023, 2, 15)));
        assertThat(page.movies()).contains(
                new DiscoveredMovie(1008005, "The Communion Girl", LocalDate.of(2023, 2, 10)),
                new DiscoveredMovie(700391, "65", LocalDate.of(2023, 3, 2)));
        assertThat(page.movies().get(19)).isEqualTo(new DiscoveredMovie(1033219, "Attack on Titan",
                LocalDate.of(2022, 9, 30)));
        assertThat(requests.get(0).getQuery()).contains("primary_release_date.gte=2022-01-01",
                "primary_release_date.lte=2023-12-31", "sort_by=primary_release_date.asc", "page=1");
    }

    @Test
    void theTotalOfARealDiscoverAnswerIsTmdbsSize() {
        assertThat(client.totalMovies()).isEqualTo(760_385);
    }

    @Test
    void aRealChangesPageGivesItsHundredIds() {
        ChangesPage page = client.changes(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 14), 3);

        assertThat(page.page()).isEqualTo(3);
        assertThat(page.totalPages()).isEqualTo(57);
        // Adult movies are in the feed too (six on this page): the id is all the client takes.
        assertThat(page.tmdbIds()).hasSize(100).doesNotHaveDuplicates()
                .startsWith(1120293, 3686, 1085103).endsWith(761670);
        assertThat(requests.get(0).getQuery()).contains("start_date=2024-03-01", "end_date=2024-03-14", "page=3");
    }

    @Test
    void theRealDetailsWithAppendedSectionsAreTheWholeMovieKeptAsSent() throws IOException {
        TmdbMovie movie = client.movie(ROCK_CRYSTAL);

        assertThat(movie).extracting(TmdbMovie::tmdbId, TmdbMovie::title, TmdbMovie::imdbId, TmdbMovie::releaseDate)
                .containsExactly(ROCK_CRYSTAL, "Rock Crystal", "tt0409732", LocalDate.of(2004, 11, 18));
        assertThat(movie.json()).as("the record MovieImported carries, byte for byte")
                .isEqualTo(Files.readString(fixtures.resolve("movies_details_with_append_to_response.json")));
        JsonNode record = movie.record();
        assertThat(record.path("original_title").asText()).isEqualTo("Bergkristall");
        assertThat(record.path("original_language").asText()).isEqualTo("de");
        assertThat(record.path("runtime").asInt()).isEqualTo(92);
        assertThat(record.path("credits").path("cast")).hasSize(25);
        assertThat(record.path("credits").path("cast").get(0).path("name").asText()).isEqualTo("Dana Vávrová");
        assertThat(names(record.path("credits").path("crew"), "Director")).containsExactly("Joseph Vilsmaier");
        assertThat(record.path("external_ids").path("imdb_id").asText()).isEqualTo("tt0409732");
        assertThat(record.path("keywords").path("keywords").get(0).path("name").asText())
                .isEqualTo("mountain village");
        assertThat(release(record, "DE").path("certification").asText()).isEqualTo("6");
        assertThat(release(record, "DE").path("release_date").asText()).isEqualTo("2004-11-18T00:00:00.000Z");
        assertThat(requests).extracting(URI::getPath).containsExactly("/3/movie/" + ROCK_CRYSTAL);
        assertThat(requests.get(0).getQuery()).isEqualTo("append_to_response=" + TmdbClient.APPENDED_SECTIONS);
    }

    @Test
    void theRealDetailsAndTheirSectionsReadAsOneRecord() throws IOException {
        TmdbMovie movie = client.movie(FIGHT_CLUB);

        assertThat(movie).extracting(TmdbMovie::tmdbId, TmdbMovie::title, TmdbMovie::imdbId, TmdbMovie::releaseDate)
                .containsExactly(FIGHT_CLUB, "Fight Club", "tt0137523", LocalDate.of(1999, 10, 15));
        JsonNode record = movie.record();
        assertThat(record.path("runtime").asInt()).isEqualTo(139);
        assertThat(record.path("vote_count").asInt()).isEqualTo(26_280);
        JsonNode cast = record.path("credits").path("cast");
        assertThat(cast).hasSize(76);
        assertThat(cast.get(0).path("name").asText()).isEqualTo("Edward Norton");
        assertThat(cast.get(0).path("character").asText()).isEqualTo("The Narrator");
        assertThat(record.path("credits").path("crew")).hasSize(175);
        assertThat(names(record.path("credits").path("crew"), "Director")).containsExactly("David Fincher");
        assertThat(record.path("external_ids").path("facebook_id").asText()).isEqualTo("FightClub");
        assertThat(record.path("keywords").path("keywords")).hasSize(15).extracting(k -> k.path("name").asText())
                .contains("nihilism", "dissociative identity disorder");
        assertThat(record.path("release_dates").path("results")).hasSize(50);
        JsonNode us = release(record, "US");
        assertThat(us.path("certification").asText()).isEqualTo("R");
        assertThat(us.path("type").asInt()).isEqualTo(3);
        assertThat(us.path("release_date").asText()).isEqualTo("1999-10-15T00:00:00.000Z");
    }

    @Test
    void aRealFindAnswerGivesItsMovie() {
        List<FoundMovie> found = client.findByImdbId("tt0499549");

        assertThat(found).containsExactly(
                new FoundMovie(19995, "Avatar", "Avatar", LocalDate.of(2009, 12, 15), 111.058));
        assertThat(requests).extracting(URI::getPath).containsExactly("/3/find/tt0499549");
        assertThat(requests.get(0).getQuery()).isEqualTo("external_source=imdb_id");
    }

    @Test
    void aRealSearchAnswerGivesEachResultAndTheFilmItNames() {
        List<FoundMovie> found = client.searchMovies("Fight Club");

        assertThat(found).hasSize(20).extracting(FoundMovie::tmdbId).doesNotHaveDuplicates();
        assertThat(found.get(0))
                .isEqualTo(new FoundMovie(550, "Fight Club", "Fight Club", LocalDate.of(1999, 10, 15), 73.433));
        assertThat(found).contains(
                new FoundMovie(289732, "Zombie Fight Club", "屍城", LocalDate.of(2014, 10, 23), 15.263),
                // TMDb sends an empty release date for a film it has none for.
                new FoundMovie(973534, "Fight Club (Russian version)", "Бойцовский клуб (русская версия)", null,
                        0.874));
        assertThat(found).filteredOn(movie -> movie.releaseDate() == null).extracting(FoundMovie::tmdbId)
                .containsExactly(973534, 944789);
        assertThat(SearchConfidence.best("Fight Club", 1999, found)).map(best -> best.movie().tmdbId())
                .contains(550);
        assertThat(requests.get(0).getQuery()).contains("query=Fight Club", "include_adult=false", "page=1");
    }

    private static byte[] read(String file) throws IOException {
        return Files.readAllBytes(fixtures.resolve(file));
    }

    /**
     * TMDb's details of Fight Club with its credits, external ids, keywords and release dates appended as
     * {@code append_to_response} nests them: each under its own name, without the {@code id} the section's own
     * endpoint repeats.
     */
    private static byte[] fightClubWithItsSections() throws IOException {
        ObjectNode details = (ObjectNode) JSON.readTree(read("movies_details.json"));
        Map<String, String> sections = Map.of("credits", "movies_credits.json", "external_ids",
                "movies_external_ids.json", "keywords", "movies_keywords.json", "release_dates",
                "movies_release_dates.json");
        for (String section : TmdbClient.APPENDED_SECTIONS.split(",")) {
            ObjectNode answer = (ObjectNode) JSON.readTree(read(sections.get(section)));
            assertThat(answer.path("id").asInt()).as(section).isEqualTo(FIGHT_CLUB);
            answer.remove("id");
            details.set(section, answer);
        }
        return JSON.writeValueAsBytes(details);
    }

    private static List<String> names(JsonNode crew, String job) {
        return StreamSupport.stream(crew.spliterator(), false)
                .filter(member -> job.equals(member.path("job").asText()))
                .map(member -> member.path("name").asText())
                .toList();
    }

    /** The first release in {@code country} of a record's appended release dates. */
    private static JsonNode release(JsonNode record, String country) {
        Optional<JsonNode> releases = StreamSupport.stream(record.path("release_dates").path("results").spliterator(),
                        false)
                .filter(entry -> country.equals(entry.path("iso_3166_1").asText()))
                .findFirst();
        assertThat(releases).as(country).isPresent();
        JsonNode dates = releases.get().path("release_dates");
        // The theatrical release (type 3) where there is one, as it dates the movie.
        return StreamSupport.stream(dates.spliterator(), false)
                .filter(date -> date.path("type").asInt() == 3)
                .findFirst().orElse(dates.get(0));
    }
}
