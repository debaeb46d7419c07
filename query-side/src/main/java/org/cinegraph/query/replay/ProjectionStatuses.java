package org.cinegraph.query.replay;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.stereotype.Component;

/**
 * How far each projection has come through the event store, and its replays, as {@code GET /api/projections} and the
 * projections' meters report them. Position and lag are this node's view (its processors' slowest segment); the
 * replay is the cluster's, from the shared database.
 */
@Component
record ProjectionStatuses(EventProcessingConfiguration processing, EventStore eventStore, ReplayStore replayStore,
                          SegmentPositions segments, Projections known, FailingSegments failing) {

    /** The projections' processors only: the daily import's saga has a streaming processor too, and never replays. */
    List<ProjectionStatus> all() {
        long head = position(eventStore.createHeadToken());
        Map<String, ReplayState> rebuilds = replayStore.all().stream()
                .collect(Collectors.toMap(ReplayState::name, Function.identity()));
        return processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .filter(processor -> known.find(processor.getName()).isPresent())
                .sorted(Comparator.comparing(StreamingEventProcessor::getName))
                .map(processor -> status(processor, head, rebuilds.get(processor.getName())))
                .toList();
    }

    private ProjectionStatus status(StreamingEventProcessor processor, long head, ReplayState rebuild) {
        Rebuild replay = rebuild == null ? null : rebuild(rebuild);
        boolean rebuilding = rebuild != null && rebuild.active();
        long parked = processing.deadLetterQueue(processor.getName()).map(SequencedDeadLetterQueue::size).orElse(0L);
        boolean error = processor.isError() || failing.anyFailing(processor.getName());
        Collection<EventTrackerStatus> local = processor.processingStatus().values();
        if (local.isEmpty()) {
            return new ProjectionStatus(processor.getName(), null, head, null, rebuilding, false, error, parked,
                    replay);
        }
        long position = local.stream().mapToLong(segment -> segment.getCurrentPosition().orElse(0)).min()
                .orElse(0);
        // Axon keeps a segment flagged as replaying until an event newer than the reset arrives; a replay is
        // really under way only while a segment is short of the position it was reset from.
        boolean replaying = rebuilding || local.stream().anyMatch(segment -> segment.isReplaying()
                && below(segment.getCurrentPosition(), segment.getResetPosition()));
        long lag = Math.max(0, head - position);
        // A segment released after a failed batch has no status here until it is claimed again.
        boolean caughtUp = !replaying && !error && lag == 0 && local.stream().allMatch(EventTrackerStatus::isCaughtUp)
                && segments.allClaimed(processor.getName());
        return new ProjectionStatus(processor.getName(), position, head, lag, replaying, caughtUp, error, parked,
                replay);
    }

    private Rebuild rebuild(ReplayState state) {
        Double progress = switch (state.state()) {
            case ReplayState.COMPLETED -> 1.0;
            case ReplayState.REBUILDING -> progress(state);
            default -> 0.0;
        };
        return new Rebuild(state.state(), state.requestedAt(), state.startedAt(), state.completedAt(),
                state.resetPosition(), progress, state.failure());
    }

    /** The slowest segment's share of the way to the position the rebuild must reach, across all nodes. */
    private double progress(ReplayState state) {
        if (state.resetPosition() == null || state.resetPosition() <= 0) {
            return 1.0;
        }
        long slowest = segments.of(state.name()).stream().mapToLong(segment -> segment.orElse(0)).min().orElse(0);
        return Math.min(1.0, Math.floor(1000.0 * slowest / state.resetPosition()) / 1000.0);
    }

    private static boolean below(OptionalLong current, OptionalLong reset) {
        return reset.isPresent() && current.orElse(0) < reset.getAsLong();
    }

    private static long position(TrackingToken token) {
        return token == null ? 0 : token.position().orElse(0);
    }

    /**
     * {@code position} and {@code lag} are null while no segment of the projection runs on this node;
     * {@code error} says a segment on this node failed its last batch and is retrying it; {@code deadLetters} is
     * how many of its events are parked in the dead-letter queue, over all nodes; {@code rebuild} is null for a
     * projection never replayed.
     */
    record ProjectionStatus(String name, Long position, long head, Long lag, boolean replaying, boolean caughtUp,
            boolean error, long deadLetters, Rebuild rebuild) {
    }

    /** The projection's latest replay: {@code state} is requested, rebuilding, completed or failed. */
    record Rebuild(String state, Instant requestedAt, Instant startedAt, Instant completedAt, Long resetPosition,
            double progress, String failure) {
    }
}
