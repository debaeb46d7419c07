package org.cinegraph.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Talks to a running sandbox the way a TMDb client would: over HTTP, reading JSON. */
public final class SandboxHttp {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI baseUrl;
    private final URI exportsBaseUrl;

    public SandboxHttp(TmdbSandboxServer server) {
        this.baseUrl = server.baseUrl();
        this.exportsBaseUrl = server.exportsBaseUrl();
    }

    /** @param pathAndQuery appended to the base URL, e.g. "/discover/movie?page=2" */
    public Reply get(String pathAndQuery) {
        return send(request(pathAndQuery).GET());
    }

    public HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery));
    }

    public Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every result of a discover query, page after page, as TMDb's paging presents them. */
    public List<JsonNode> allPages(String discoverQuery) {
        List<JsonNode> results = new ArrayList<>();
        int totalPages = 1;
        for (int page = 1; page <= totalPages; page++) {
            Reply reply = get("/discover/movie?" + discoverQuery + "&page=" + page);
            if (reply.status() != 200) {
                throw new AssertionError("Page " + page + " of " + discoverQuery + " answered " + reply);
            }
            totalPages = reply.body().get("total_pages").asInt();
            reply.body().get("results").forEach(results::add);
        }
        return results;
    }

    /** A file of the exports, e.g. "movie_ids_12_03_2025.json.gz", as the bytes sent: the exports are gzipped. */
    public Download download(String fileName) {
        try {
            HttpResponse<byte[]> response = client.send(
                    HttpRequest.newBuilder(URI.create(exportsBaseUrl + "/" + fileName)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return new Download(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static void assertTmdbError(Reply reply, int statusCode, String statusMessage) {
        assertThat(reply.body().get("success").asBoolean(true)).isFalse();
        assertThat(reply.body().get("status_code").asInt()).isEqualTo(statusCode);
        assertThat(reply.body().get("status_message").asText()).isEqualTo(statusMessage);
    }

    /** @param text the body as sent, which a malformed-details fault leaves unparseable */
    public record Reply(int status, String text, HttpHeaders headers) {

        /** @throws UncheckedIOException when the body is no JSON */
        public JsonNode body() {
            try {
                return MAPPER.readTree(text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** @param body the bytes as sent, gzipped for an export */
    public record Download(int status, byte[] body, HttpHeaders headers) {

        /**
         * The body gunzipped, line by line, as a client reads an export.
         *
         * @throws UncheckedIOException when the body is no gzip stream, or one cut short
         */
        public List<String> lines() {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                    new GZIPInputStream(new ByteArrayInputStream(body)), StandardCharsets.UTF_8))) {
                return reader.lines().toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /**
         * The TMDb id of each line, in the file's order.
         *
         * @throws UncheckedIOException when the body is no gzip stream, or a line is no JSON
         */
        public List<Integer> ids() {
            List<Integer> ids = new ArrayList<>();
            for (String line : lines()) {
                try {
                    ids.add(MAPPER.readTree(line).get("id").asInt());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return ids;
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }
}
