package org.cinegraph.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** What every error of the API is: an RFC 9457 problem detail with its status, and no stack trace. */
final class ProblemAssertions {

    private ProblemAssertions() {
    }

    static void assertProblem(ResponseEntity<JsonNode> response, HttpStatus status) {
        assertThat(response.getStatusCode()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isNotNull();
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .as("content type %s", response.getHeaders().getContentType()).isTrue();
        assertThat(response.getBody().get("status").asInt()).isEqualTo(status.value());
        assertThat(response.getBody().get("title").asText()).isNotBlank();
        assertThat(response.getBody().has("detail")).isTrue();
        assertThat(response.getBody().toString()).doesNotContain("Exception").doesNotContain("at org.");
    }
}
