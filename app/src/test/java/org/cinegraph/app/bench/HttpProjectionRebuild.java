package org.cinegraph.app.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rebuilds through the operator's API: {@code POST /api/admin/projections/replay} (or
 * {@code POST /api/admin/projections/{name}/replay} for each projection chosen), then polls
 * {@code GET /api/projections} until every rebuild is {@code completed}, which means its rebuilt tables have
 * been swapped in.
 */
final class HttpProjectionRebuild {

    /**
     * The replay coordinator advances a replay every 500 ms; polling faster would not see the end sooner and
     * would only load the node being measured (at 100 ms the polls took 5% of its CPU).
     */
    static final Duration POLL = Duration.ofMillis(500);

    private final BenchmarkApp app;
    private final Runnable onPoll;
    private final List<String> only;

    /**
     * @param onPoll runs at every poll, for samples taken while the rebuild runs
     * @param only the projections to rebuild; every one when empty
     */
    HttpProjectionRebuild(BenchmarkApp app, Runnable onPoll, List<String> only) {
        this.app = app;
        this.onPoll = onPoll;
        this.only = only;
    }

    /** @return how long after the first request each projection's rebuild was seen completed, by name */
    Map<String, Duration> rebuildAll() throws Exception {
        // A rebuild finished before this one (none in a fresh benchmark) must not count as this one's end.
        Map<String, String> earlierRequests = new LinkedHashMap<>();
        app.get("/api/projections").forEach(projection -> earlierRequests.put(projection.get("name").asText(),
                projection.path("rebuild").path("requestedAt").asText()));
        List<String> names = new ArrayList<>(earlierRequests.keySet());
        if (!only.isEmpty()) {
            names.retainAll(only);
        }
        long start = System.nanoTime();
        if (only.isEmpty()) {
            request("/api/admin/projections/replay");
        } else {
            for (String name : names) {
                request("/api/admin/projections/" + name + "/replay");
            }
        }
        Map<String, Duration> finished = new LinkedHashMap<>();
        while (finished.size() < names.size()) {
            Thread.sleep(POLL.toMillis());
            onPoll.run();
            for (JsonNode projection : app.get("/api/projections")) {
                String name = projection.get("name").asText();
                String state = projection.path("rebuild").path("state").asText();
                if (state.equals("failed")) {
                    throw new IllegalStateException("The rebuild of " + name + " failed: " + projection);
                }
                boolean thisRequest = !projection.path("rebuild").path("requestedAt").asText()
                        .equals(earlierRequests.get(name));
                if (state.equals("completed") && thisRequest && names.contains(name)) {
                    finished.putIfAbsent(name, Duration.ofNanos(System.nanoTime() - start));
                }
            }
        }
        return finished;
    }

    private void request(String path) throws Exception {
        HttpResponse<String> answer = app.postAsAdmin(path);
        if (answer.statusCode() != 202) {
            throw new IllegalStateException(path + " was refused with " + answer.statusCode() + ": " + answer.body());
        }
    }
}
