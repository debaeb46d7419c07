package org.cinegraph.command.tmdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

class TmdbClientTest {

    private static final String TOKEN = "v4-secret-token";
    private static final String KEY = "v3-secret-key";

    private HttpServer server;
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final List<String> queries = new CopyOnWriteArrayList<>();
    private volatile int status = 200;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/3/configuration", exchange -> {
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            queries.add(String.valueOf(exchange.getRequestURI().getRawQuery()));
            byte[] body = "{\"images\":{}}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void aTokenIsSentAsBearerAndTheKeyIsThenNotSent() {
        client(TOKEN, KEY).configuration();

        assertThat(authorizations).containsExactly("Bearer " + TOKEN);
        assertThat(queries).containsExactly("null");
    }

    @Test
    void withoutATokenTheKeyIsSentAsQueryParameter() {
        client(null, KEY).configuration();

        assertThat(authorizations).containsExactly("null");
        assertThat(queries).containsExactly("api_key=" + KEY);
    }

    @Test
    void withoutCredentialsNothingIsSent() {
        client(" ", "").configuration();

        assertThat(authorizations).containsExactly("null");
        assertThat(queries).containsExactly("null");
    }

    @Test
    void rejectedCredentialsAreTheirOwnFailureAndNameNoSecret() {
        status = 401;

        assertThatThrownBy(() -> client(TOKEN, null).configuration())
                .isInstanceOf(TmdbCredentialsRejectedException.class)
                .hasMessageNotContaining(TOKEN);
    }

    @Test
    void connectionsAndErrorsNeverShowTheSecrets() {
        TmdbClient client = client(TOKEN, KEY);
        RestClientException quotingTheUrl = new RestClientException("I/O error",
                new java.io.IOException("GET http://tmdb/3/movie/1?api_key=" + KEY + " with Bearer " + TOKEN));

        assertThat(client.describe(quotingTheUrl)).contains("IOException").doesNotContain(KEY).doesNotContain(TOKEN);
        assertThat(TmdbConnection.of(URI.create("http://tmdb"), TOKEN, KEY, Duration.ofSeconds(1), Duration.ofSeconds(1))
                .toString()).doesNotContain(TOKEN).doesNotContain(KEY).contains("v4 token");
    }

    private TmdbClient client(String token, String key) {
        URI baseUrl = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/3");
        return new TmdbClient(TmdbConnection.of(baseUrl, token, key, Duration.ofSeconds(2), Duration.ofSeconds(2)),
                new TmdbLimits(40, 4, 3, Duration.ofMillis(10), Duration.ofMillis(50), 3),
                RestClient.builder(), new SimpleMeterRegistry(), new TmdbActivity(Clock.systemUTC()));
    }
}
