package org.cinegraph.query.projections;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * How far each projection has come through the event store, as this node sees it: its processors' slowest
 * segment, the store's head, the lag between them, whether it is replaying and whether it has caught up.
 */
@RestController
class ProjectionStatusController {

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;

    ProjectionStatusController(EventProcessingConfiguration processing, EventStore eventStore) {
        this.processing = processing;
        this.eventStore = eventStore;
    }

    @GetMapping("/api/projections")
    List<ProjectionStatus> projections() {
        long head = position(eventStore.createHeadToken());
        return processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .sorted(Comparator.comparing(StreamingEventProcessor::getName))
                .map(processor -> status(processor, head))
                .toList();
    }

    private static ProjectionStatus status(StreamingEventProcessor processor, long head) {
        Collection<EventTrackerStatus> segments = processor.processingStatus().values();
        if (segments.isEmpty()) {
            return new ProjectionStatus(processor.getName(), null, head, null, false, false);
        }
        long position = segments.stream().mapToLong(segment -> segment.getCurrentPosition().orElse(0)).min()
                .orElse(0);
        // Axon keeps a segment flagged as replaying until an event newer than the reset arrives; a replay is
        // really under way only while a segment is short of the position it was reset from.
        boolean replaying = segments.stream().anyMatch(segment -> segment.isReplaying()
                && below(segment.getCurrentPosition(), segment.getResetPosition()));
        long lag = Math.max(0, head - position);
        boolean caughtUp = !replaying && lag == 0 && segments.stream().allMatch(EventTrackerStatus::isCaughtUp);
        return new ProjectionStatus(processor.getName(), position, head, lag, replaying, caughtUp);
    }

    private static boolean below(OptionalLong current, OptionalLong reset) {
        return reset.isPresent() && current.orElse(0) < reset.getAsLong();
    }

    private static long position(TrackingToken token) {
        return token == null ? 0 : token.position().orElse(0);
    }

    /** {@code position} and {@code lag} are null while no segment of the projection runs on this node. */
    record ProjectionStatus(String name, Long position, long head, Long lag, boolean replaying, boolean caughtUp) {
    }
}
