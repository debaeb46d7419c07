package org.cinegraph.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cinegraph.sandbox.SandboxHttp.assertTmdbError;

import java.io.UncheckedIOException;
import java.net.http.HttpRequest;

import org.cinegraph.sandbox.SandboxHttp.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TmdbSandboxServerTest extends SandboxServerTest {

    private static final String JSON = "application/json;charset=utf-8";

    @Test
    void servesOnALoopbackPortUnderVersionThree() {
        assertThat(server.port()).isPositive();
        assertThat(server.baseUrl()).hasToString("http://127.0.0.1:" + server.port() + "/3");
        assertThat(server.catalogue().totalMovies()).isEqualTo(1080);
    }

    @Test
    void configurationLetsAClientCheckConnectivity() {
        Reply reply = http.get("/configuration");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.headers().firstValue("Content-Type")).contains(JSON);
        assertThat(reply.body().get("images").get("secure_base_url").asText()).startsWith("https://");
        assertThat(reply.body().get("images").get("poster_sizes")).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/tv/1", "/discover/tv", "/movie/550/credits", "/", "/movies"})
    void otherPathsAreNotFound(String path) {
        Reply reply = http.get(path);

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.headers().firstValue("Content-Type")).contains(JSON);
        assertTmdbError(reply, 34, "The resource you requested could not be found.");
    }

    @Test
    void onlyGetIsAllowed() {
        Reply post = http.send(http.request("/discover/movie").POST(HttpRequest.BodyPublishers.ofString("{}")));
        Reply delete = http.send(http.request("/movie/1").DELETE());

        assertThat(post.status()).isEqualTo(405);
        assertTmdbError(post, 42, "This request method is not supported for this resource.");
        assertThat(delete.status()).isEqualTo(405);
    }

    @Test
    void credentialsAreAcceptedButNotRequired() {
        Reply bearer = http.send(http.request("/discover/movie?primary_release_year=2025")
                .header("Authorization", "Bearer sandbox-token"));
        Reply apiKey = http.get("/discover/movie?primary_release_year=2025&api_key=sandbox-key");
        Reply anonymous = http.get("/discover/movie?primary_release_year=2025");

        assertThat(bearer.status()).isEqualTo(200);
        assertThat(apiKey.status()).isEqualTo(200);
        assertThat(anonymous.status()).isEqualTo(200);
        assertThat(bearer.body()).isEqualTo(anonymous.body()).isEqualTo(apiKey.body());
    }

    @Test
    void countsEveryRequestWhateverItsAnswer() {
        long before = server.requestCount();

        http.get("/configuration");
        http.get("/movie/abc");
        http.get("/discover/movie?page=0");

        assertThat(server.requestCount()).isEqualTo(before + 3);
    }

    @Test
    void answersOnDaemonThreadsOfItsOwn() {
        http.get("/configuration");

        assertThat(Thread.getAllStackTraces().keySet())
                .filteredOn(thread -> thread.getName().startsWith("tmdb-sandbox-"))
                .isNotEmpty()
                .allMatch(Thread::isDaemon);
    }

    @Test
    void stopsServingWhenClosed() {
        server.close();
        server.close();

        assertThatThrownBy(() -> http.get("/configuration")).isInstanceOf(UncheckedIOException.class);
    }
}
