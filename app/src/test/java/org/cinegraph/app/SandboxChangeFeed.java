package org.cinegraph.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.cinegraph.sandbox.TmdbSandboxServer;

/** TMDb's change feed as the sandbox serves it, read the way a test picks the movies a delta sync will see. */
public final class SandboxChangeFeed {

    private SandboxChangeFeed() {
    }

    /** The movies the feed lists as changed from {@code from} to {@code to}. */
    public static List<Integer> changed(TmdbSandboxServer sandbox, LocalDate from, LocalDate to) throws Exception {
        List<Integer> ids = new ArrayList<>();
        HttpClient client = HttpClient.newHttpClient();
        for (int page = 1, pages = 1; page <= pages; page++) {
            JsonNode body = new ObjectMapper().readTree(client.send(HttpRequest.newBuilder(URI.create(
                            sandbox.baseUrl() + "/movie/changes?start_date=" + from + "&end_date=" + to + "&page=" + page))
                    .build(), HttpResponse.BodyHandlers.ofString()).body());
            pages = body.get("total_pages").asInt();
            body.get("results").forEach(result -> ids.add(result.get("id").asInt()));
        }
        return ids;
    }
}
