package org.cinegraph.query.replay;

import static org.cinegraph.kernel.problems.Problems.problem;

import java.net.URI;
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
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.cinegraph.query.deadletters.DeadLetterRetries;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * How far each projection has come through the event store, and its replays. Position and lag are this
 * node's view (its processors' slowest segment); the replay is the cluster's, from the shared database.
 */
@RestController
record ProjectionStatusController(EventProcessingConfiguration processing, EventStore eventStore,
                                  ReplayCoordinator replays, ReplayStore replayStore, SegmentPositions segments,
                                  Projections known, DeadLetterRetries deadLetters, FailingSegments failing) {

    /** The projections' processors only: the daily import's saga has a streaming processor too, and never replays. */
    @GetMapping("/api/projections")
    List<ProjectionStatus> projections() {
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

    /**
     * Rebuilds the projection from the first event beside its live tables, which keep answering until the
     * rebuilt ones take their place: 202, then progress in {@code GET /api/projections}.
     */
    @PostMapping("/api/admin/projections/{name}/replay")
    ResponseEntity<ProjectionStatus> replay(@PathVariable String name) {
        boolean requested = replays.request(name).orElseThrow(() -> problem(HttpStatus.NOT_FOUND,
                "No such projection", "There is no projection named " + name + "."));
        if (!requested) {
            throw problem(HttpStatus.CONFLICT, "Replay already under way",
                    "Projection " + name + " is already being replayed; its progress is in GET /api/projections.");
        }
        ProjectionStatus status = projections().stream().filter(projection -> projection.name().equals(name))
                .findFirst().orElseThrow();
        return ResponseEntity.accepted().location(URI.create("/api/projections")).body(status);
    }

    /**
     * Rebuilds every projection not being replayed already, as one replay request each but from a single read
     * of the event store: 202 with every projection's status, 409 when every one was being replayed.
     */
    @PostMapping("/api/admin/projections/replay")
    ResponseEntity<List<ProjectionStatus>> replayAll() {
        if (replays.requestAll().isEmpty()) {
            throw problem(HttpStatus.CONFLICT, "Replay already under way",
                    "Every projection is already being replayed; their progress is in GET /api/projections.");
        }
        return ResponseEntity.accepted().location(URI.create("/api/projections")).body(projections());
    }

    /**
     * Applies the projection's parked events again, each sequence in order from its first letter, once the cause
     * of their failure is gone: 202 with how many letters were applied, how many sequences failed again and how
     * many letters are left; 404 for an unknown name; 409 while the projection is being replayed (the replay
     * applies them itself) or while a retry of its letters runs on this node.
     */
    @PostMapping("/api/admin/projections/{name}/dead-letters/retry")
    ResponseEntity<DeadLetterRetries.Result> retryDeadLetters(@PathVariable String name) {
        Projection projection = known.find(name).orElseThrow(() -> problem(HttpStatus.NOT_FOUND,
                "No such projection", "There is no projection named " + name + "."));
        if (replayStore.find(name).filter(ReplayState::active).isPresent()) {
            throw problem(HttpStatus.CONFLICT, "Replay under way", "Projection " + name + " is being replayed, which"
                    + " applies every event again, those parked as dead letters included; its progress is in"
                    + " GET /api/projections.");
        }
        DeadLetterRetries.Result result = deadLetters.retry(projection.name()).orElseThrow(() -> problem(
                HttpStatus.CONFLICT, "Retry already under way",
                "The dead letters of projection " + name + " are being retried already."));
        return ResponseEntity.accepted().location(URI.create("/api/projections")).body(result);
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
