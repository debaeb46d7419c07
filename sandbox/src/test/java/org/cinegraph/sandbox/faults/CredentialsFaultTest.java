package org.cinegraph.sandbox.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cinegraph.sandbox.SandboxHttp.assertTmdbError;

import java.util.List;

import org.cinegraph.sandbox.SandboxHttp.Reply;
import org.cinegraph.sandbox.SandboxServerTest;
import org.junit.jupiter.api.Test;

class CredentialsFaultTest extends SandboxServerTest {

    private static final String INVALID_API_KEY = "Invalid API key: You must be granted a valid key.";
    private static final String TOKEN = "sandbox-token";
    private static final String KEY = "sandbox-key";
    private static final String DISCOVER = "/discover/movie?primary_release_year=2025";

    @Test
    void unauthorizedAnswers401ToEveryRequestWhateverItCarries() {
        server.faults().unauthorized(true);
        int movie = server.catalogue().movieIds(2025).iterator().next();

        for (String path : List.of("/configuration", DISCOVER, "/movie/" + movie,
                "/movie/" + movie + "?api_key=" + KEY)) {
            Reply reply = http.send(http.request(path).header("Authorization", "Bearer " + TOKEN));
            assertThat(reply.status()).as(path).isEqualTo(401);
            assertTmdbError(reply, 7, INVALID_API_KEY);
        }
        server.faults().unauthorized(false);
        assertThat(http.get("/configuration").status()).isEqualTo(200);
    }

    @Test
    void requiredCredentialsLetThroughTheTokenOrTheKey() {
        server.faults().requireCredentials(TOKEN, KEY);

        assertThat(withBearer("Bearer " + TOKEN).status()).isEqualTo(200);
        assertThat(http.get(DISCOVER + "&api_key=" + KEY).status()).isEqualTo(200);
        assertThat(withBearer("Bearer other-token").status()).isEqualTo(401);
        assertThat(withBearer("Basic " + TOKEN).status()).isEqualTo(401);
        assertThat(http.get(DISCOVER + "&api_key=other-key").status()).isEqualTo(401);
        Reply anonymous = http.get(DISCOVER);
        assertThat(anonymous.status()).isEqualTo(401);
        assertTmdbError(anonymous, 7, INVALID_API_KEY);
    }

    @Test
    void aRequirementOfOneCredentialRefusesAnyOther() {
        server.faults().requireCredentials(TOKEN, null);
        assertThat(http.get(DISCOVER + "&api_key=" + KEY).status()).isEqualTo(401);
        assertThat(http.get(DISCOVER + "&api_key=").status()).isEqualTo(401);
        assertThat(withBearer("Bearer " + TOKEN).status()).isEqualTo(200);

        server.faults().requireCredentials(null, KEY);
        assertThat(withBearer("Bearer " + TOKEN).status()).isEqualTo(401);
        assertThat(http.get(DISCOVER + "&api_key=" + KEY).status()).isEqualTo(200);
    }

    @Test
    void findAndSearchRequireTheCredentialsLikeEveryOtherEndpoint() {
        server.faults().requireCredentials(TOKEN, KEY);

        for (String path : List.of("/find/tt15398776?external_source=imdb_id", "/search/movie?query=Oppenheimer")) {
            Reply anonymous = http.get(path);
            assertThat(anonymous.status()).as(path).isEqualTo(401);
            assertTmdbError(anonymous, 7, INVALID_API_KEY);
            assertThat(http.get(path + "&api_key=" + KEY).status()).as(path).isEqualTo(200);
        }
    }

    @Test
    void requiringNeitherCredentialRequiresNone() {
        server.faults().requireCredentials(TOKEN, KEY).requireCredentials(null, null);

        assertThat(http.get(DISCOVER).status()).isEqualTo(200);
    }

    private Reply withBearer(String authorization) {
        return http.send(http.request(DISCOVER).header("Authorization", authorization));
    }
}
