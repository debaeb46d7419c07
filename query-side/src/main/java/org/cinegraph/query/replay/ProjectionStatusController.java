package org.cinegraph.query.replay;

import static org.cinegraph.kernel.problems.Problems.problem;

import java.net.URI;
import java.util.List;
import org.cinegraph.query.deadletters.DeadLetterRetries;
import org.cinegraph.query.replay.ProjectionStatuses.ProjectionStatus;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/projections}, and the replays and retries of the projections. */
@RestController
record ProjectionStatusController(ProjectionStatuses statuses, ReplayCoordinator replays, ReplayStore replayStore,
                                  Projections known, DeadLetterRetries deadLetters) {

    @GetMapping("/api/projections")
    List<ProjectionStatus> projections() {
        return statuses.all();
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
}
