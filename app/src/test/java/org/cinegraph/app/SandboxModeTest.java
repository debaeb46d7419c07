package org.cinegraph.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.cinegraph.command.tmdb.TmdbClient;
import org.cinegraph.sandbox.TmdbSandboxServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** With no TMDb credentials the application runs the sandbox and its TMDb client talks to it. */
@ApplicationTest
class SandboxModeTest {

    @Autowired
    private TmdbSandboxServer sandbox;
    @Autowired
    private TmdbClient tmdb;
    @Autowired
    private TestRestTemplate http;

    @Test
    void theTmdbClientTalksToTheSandboxOnALoopbackPort() {
        long before = sandbox.requestCount();

        JsonNode configuration = tmdb.configuration();

        assertThat(tmdb.baseUrl()).isEqualTo(sandbox.baseUrl());
        assertThat(sandbox.baseUrl().getHost()).isEqualTo("127.0.0.1");
        assertThat(configuration.has("images")).isTrue();
        assertThat(sandbox.requestCount()).isGreaterThan(before);
    }

    @Test
    void sandboxModeIsStatedToTheDashboard() {
        JsonNode info = http.getForObject("/actuator/info", JsonNode.class);

        assertThat(info.at("/tmdb/mode").asText()).isEqualTo("sandbox");
        assertThat(info.toString()).as("open to anyone: no URL, no address").doesNotContain("http", "127.0.0.1");
    }
}
