package org.cinegraph.app.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;

/** Stand-in until the replay API lands: resets every streaming processor through Axon itself. */
final class AxonResetRebuild implements ProjectionRebuild {

    private final BenchmarkApp app;
    private final Runnable onPoll;

    AxonResetRebuild(BenchmarkApp app, Runnable onPoll) {
        this.app = app;
        this.onPoll = onPoll;
    }

    @Override
    public Map<String, Duration> rebuildAll() throws Exception {
        EventProcessingConfiguration processing = app.context().getBean(EventProcessingConfiguration.class);
        long start = System.nanoTime();
        processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast)
                .forEach(processor -> {
                    processor.shutDown();
                    processor.resetTokens();
                    processor.start();
                });
        Map<String, Duration> finished = new LinkedHashMap<>();
        int projections = app.get("/api/projections").size();
        while (finished.size() < projections) {
            Thread.sleep(100);
            onPoll.run();
            for (JsonNode projection : app.get("/api/projections")) {
                if (projection.get("caughtUp").asBoolean()) {
                    finished.putIfAbsent(projection.get("name").asText(), Duration.ofNanos(System.nanoTime() - start));
                }
            }
        }
        return finished;
    }
}
