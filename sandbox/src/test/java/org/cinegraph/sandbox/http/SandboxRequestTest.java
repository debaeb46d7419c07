package org.cinegraph.sandbox.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.junit.jupiter.api.Test;

class SandboxRequestTest {

    private static final String TOKEN = "sandbox-token";
    private static final String KEY = "sandbox-key";

    @Test
    void aRequestDescribesItselfWithoutItsCredentials() {
        SandboxRequest request = SandboxRequest.of("GET",
                URI.create("http://127.0.0.1/3/discover/movie?api_key=" + KEY), "Bearer " + TOKEN);

        assertThat(request.bearerToken()).isEqualTo(TOKEN);
        assertThat(request.toString()).isEqualTo("GET /3/discover/movie").doesNotContain(KEY, TOKEN);
    }
}
