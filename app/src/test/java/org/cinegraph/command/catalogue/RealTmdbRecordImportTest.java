package org.cinegraph.command.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.cinegraph.app.ApplicationTest;
import org.cinegraph.command.SharedFixtures;
import org.cinegraph.command.quality.QualityFilter;
import org.cinegraph.command.tmdb.TmdbActivity;
import org.cinegraph.command.tmdb.TmdbClient;
import org.cinegraph.command.tmdb.TmdbConnection;
import org.cinegraph.command.tmdb.TmdbLimits;
import org.cinegraph.events.ImportSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * A movie imported from TMDb's real details answer (the shared fixtures' {@code tmdb} folder, {@link SharedFixtures}),
 * by the importer's own path: the TMDb client reads it, the application's quality filter judges it, the ledger
 * records its {@code MovieImported}, the movies projection writes it and the read API answers it. The sandbox's
 * records are our own idea of TMDb's; this one is TMDb's, with every section it appends and more.
 */
@ApplicationTest
class RealTmdbRecordImportTest {

    /** Rock Crystal (Bergkristall, 2004), the movie of {@code movies_details_with_append_to_response.json}. */
    private static final int TMDB_ID = 12313;
    private static final ImportSource SOURCE = ImportSource.list("real-tmdb-record");

    @Autowired
    private OutcomeLedger ledger;
    @Autowired
    private QualityFilter quality;
    @Autowired
    private TestRestTemplate http;

    @Test
    void aMovieImportedFromTmdbsRealDetailsReadsBackWithItsTitleDateRuntimeImdbIdAndLanguage() throws IOException {
        Path fixtures = SharedFixtures.folder("tmdb");
        byte[] details = Files.readAllBytes(fixtures.resolve("movies_details_with_append_to_response.json"));
        List<URI> requests = new CopyOnWriteArrayList<>();
        HttpServer tmdb = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        tmdb.createContext("/3/movie/" + TMDB_ID, exchange -> {
            requests.add(exchange.getRequestURI());
            exchange.getResponseHeaders().add("Content-Type", "application/json;charset=utf-8");
            exchange.sendResponseHeaders(200, details.length);
            exchange.getResponseBody().write(details);
            exchange.close();
        });
        tmdb.start();
        URI baseUrl = URI.create("http://127.0.0.1:" + tmdb.getAddress().getPort() + "/3");
        try (TmdbClient client = new TmdbClient(TmdbConnection.of(baseUrl, "real-record-token", null,
                Duration.ofSeconds(2), Duration.ofSeconds(5)),
                new TmdbLimits(40, 2, 3, Duration.ofMillis(10), Duration.ofMillis(50), 3),
                RestClient.builder(), new SimpleMeterRegistry(), new TmdbActivity(Clock.systemUTC()))) {
            MovieImports imports = new MovieImports(ledger, new MovieFetch(client, quality), client);

            Optional<KnownMovie> outcome = imports.importMovie(TMDB_ID, "Rock Crystal", SOURCE);

            assertThat(outcome).contains(new KnownMovie(TMDB_ID, "tt0409732", MovieOutcome.Kind.IMPORTED));
            assertThat(imports.importMovie(TMDB_ID, "Rock Crystal", SOURCE)).as("imported once").isEqualTo(outcome);
            assertThat(requests).as("the second time, TMDb is not asked").hasSize(1);
        } finally {
            tmdb.stop(0);
        }

        ResponseEntity<JsonNode> read = await().atMost(Duration.ofSeconds(30)).until(
                () -> http.getForEntity("/api/movies/" + TMDB_ID, JsonNode.class),
                answer -> answer.getStatusCode() == HttpStatus.OK);
        JsonNode movie = read.getBody();
        assertThat(movie.get("tmdbId").asInt()).isEqualTo(TMDB_ID);
        assertThat(movie.get("title").asText()).isEqualTo("Rock Crystal");
        assertThat(movie.get("releaseDate").asText()).isEqualTo("2004-11-18");
        assertThat(movie.get("runtime").asInt()).isEqualTo(92);
        assertThat(movie.get("imdbId").asText()).isEqualTo("tt0409732");
        assertThat(movie.get("originalLanguage").asText()).isEqualTo("de");
        assertThat(movie.get("voteCount").asInt()).isEqualTo(5);
        assertThat(movie.get("popularity").asDouble()).isEqualTo(3.475);
        JsonNode record = movie.get("tmdbData");
        assertThat(record.get("original_title").asText()).isEqualTo("Bergkristall");
        assertThat(record.get("credits").get("cast")).hasSize(25);
        assertThat(record.get("credits").get("cast").get(0).get("name").asText()).isEqualTo("Dana Vávrová");
        assertThat(record.get("keywords").get("keywords").get(0).get("name").asText()).isEqualTo("mountain village");

        // Counted in the year of its release date, as a movie imported outside a year import is.
        JsonNode ofTheYear = http.getForObject("/api/movies?year=2004&q=Rock Crystal", JsonNode.class);
        assertThat(ofTheYear.get("items")).hasSize(1);
        JsonNode summary = ofTheYear.get("items").get(0);
        assertThat(summary.get("tmdbId").asInt()).isEqualTo(TMDB_ID);
        assertThat(summary.get("runtime").asInt()).isEqualTo(92);
        assertThat(summary.get("originalLanguage").asText()).isEqualTo("de");
    }
}
