package org.cinegraph.query.replay;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.cinegraph.query.answers.ReadModelVersions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Drives every replay through its steps, on every node, from the state all nodes share in
 * {@code projection_replay}:
 *
 * <ol>
 *   <li><b>requested</b>: every node shuts its processor of the projection down, which releases its segments.
 *       The first node to hold them all makes empty copies of the tables, resets the tokens to the first
 *       event (Axon's reset, which claims every segment and so fails while any other node still runs one)
 *       and records the event store's head, all in one transaction.</li>
 *   <li><b>rebuilding</b>: the node that made the reset loads the events up to the recorded head into the
 *       copies, from one read of the store for all the projections it reset together ({@link BulkReplay}),
 *       holding their segments meanwhile. Then it releases them, and the processors on every node carry on
 *       from the tokens; they write to the copies too (see {@link ProjectionTransaction}). The API reads the
 *       untouched live tables all along.</li>
 *   <li>Once every segment has passed the recorded head, one node swaps the copies in, waiting for the
 *       batches in flight, and records <b>completed</b>. Later batches write to the new live tables.</li>
 * </ol>
 *
 * A node that stops midway loses nothing: the state, the copies and the tokens are all in the database,
 * and any node carries on from them.
 */
@Component
class ReplayCoordinator {

    private static final Logger log = LoggerFactory.getLogger(ReplayCoordinator.class);
    private static final long TICK_MILLIS = 500;

    private final Projections projections;
    private final ReplayStore store;
    private final RebuildTables tables;
    private final SegmentPositions positions;
    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final TransactionTemplate transactions;
    private final BulkReplay bulk;
    private final ReadModelVersions versions;
    /** The projections this node is loading in bulk, whose processors stay down here until the load ends. */
    private final Set<String> loadingHere = ConcurrentHashMap.newKeySet();
    /** The processors this node shut down for a replay, to start again once it is under way. */
    private final Set<String> stoppedHere = ConcurrentHashMap.newKeySet();
    /** The replay (by its start) whose copies this node has checked against the live tables, per projection. */
    private final Map<String, Instant> shapeChecked = new ConcurrentHashMap<>();
    private final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "projection-replay");
        thread.setDaemon(true);
        return thread;
    });

    ReplayCoordinator(Projections projections, ReplayStore store, RebuildTables tables, SegmentPositions positions,
            EventProcessingConfiguration processing, EventStore eventStore, TransactionTemplate transactions,
            BulkReplay bulk, ReadModelVersions versions) {
        this.projections = projections;
        this.store = store;
        this.tables = tables;
        this.positions = positions;
        this.processing = processing;
        this.eventStore = eventStore;
        this.transactions = transactions;
        this.bulk = bulk;
        this.versions = versions;
    }

    /**
     * Remembers the shape Flyway gave each table, rebuilds a projection whose table has gone missing, then
     * follows the replays.
     */
    @EventListener(ApplicationReadyEvent.class)
    void start() {
        for (Projection projection : projections.all()) {
            try {
                transactions.executeWithoutResult(status -> tables.rememberShape(projection));
                String live = transactions.execute(status -> tables.liveSchema());
                boolean missing = projection.tables().stream().anyMatch(table -> !tables.exists(live, table));
                if (missing && store.request(projection.name())) {
                    log.warn("A table of projection {} is missing; rebuilding {} from the events",
                            projection.name(), projection.tables());
                } else if (!missing && transactions.execute(status -> tables.emptied(projection))
                        && store.request(projection.name())) {
                    log.warn("Table {} of projection {} is empty although events that leave rows in it are stored; "
                            + "rebuilding {} from the events", projection.tables().get(0), projection.name(),
                            projection.tables());
                }
            } catch (RuntimeException e) {
                log.error("Could not check the tables of projection {} at start", projection.name(), e);
            }
        }
        ticks.scheduleWithFixedDelay(this::tick, 0, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    @EventListener(ContextClosedEvent.class)
    void stop() throws InterruptedException {
        ticks.shutdownNow();
        ticks.awaitTermination(30, TimeUnit.SECONDS);
    }

    /**
     * Asks for a replay of the projection, which every node then carries out; empty when there is no such
     * projection, false when its replay is already under way.
     */
    Optional<Boolean> request(String name) {
        if (projections.find(name).isEmpty()) {
            return Optional.empty();
        }
        boolean requested = store.request(name);
        if (requested) {
            log.info("Replay of projection {} requested", name);
            ticks.execute(this::tick);
        }
        return Optional.of(requested);
    }

    /**
     * Asks for a replay of every projection not being replayed already, all read from one pass over the event
     * store; the names of those requested, empty when every one was under way.
     */
    List<String> requestAll() {
        List<String> requested = transactions.execute(status -> projections.all().stream()
                .map(Projection::name).filter(store::request).toList());
        if (!requested.isEmpty()) {
            log.info("Replay of projections {} requested", requested);
            ticks.execute(this::tick);
        }
        return requested;
    }

    /** One step of every replay this node follows; package-private for tests, which take the steps themselves. */
    void tick() {
        // Whatever escaped would cancel every later tick of the schedule without a word.
        try {
            advanceAll();
        } catch (Throwable e) {
            log.error("Replays could not advance on this node; trying again at the next tick", e);
        }
    }

    private void advanceAll() {
        Set<String> notStopped = stopRequestedHere();
        List<BulkReplay.Target> resetHere = new ArrayList<>();
        for (Projection projection : projections.all()) {
            if (notStopped.contains(projection.name())) {
                continue;
            }
            try {
                advance(projection).ifPresent(resetHere::add);
            } catch (RuntimeException e) {
                log.warn("Replay of projection {} could not advance; trying again", projection.name(), e);
            }
        }
        if (resetHere.isEmpty()) {
            return;
        }
        resetHere.forEach(target -> loadingHere.add(target.projection().name()));
        try {
            bulk.start(resetHere, this::loaded);
        } catch (Throwable e) {
            // The processors rebuild the projections instead, from the reset tokens.
            resetHere.forEach(target -> loadingHere.remove(target.projection().name()));
            throw e;
        }
    }

    /** The bulk load of a projection has ended: its processors on this node start again at once. */
    private void loaded(String name) {
        loadingHere.remove(name);
        try {
            ticks.execute(this::tick);
        } catch (RejectedExecutionException e) {
            log.debug("The node stops; projection {} is started again by the next node to start", name);
        }
    }

    /**
     * Shuts this node's processors of every projection whose replay is requested down together: a processor's
     * shutdown waits for its batch in flight and for its coordinator to stop, up to half a second even when idle,
     * which taken one projection after the other held a replay of all eight back by 3 s before its first event
     * (the application's log in {@code bench/replay 300000}, 2026-12-05).
     *
     * @return the projections whose processor did not shut down cleanly: their step waits for the next tick, since
     *         this node's own work packages may still hold their segments, which its reset (claiming them as the
     *         same owner) would not wait for
     */
    private Set<String> stopRequestedHere() {
        Set<String> requested = new HashSet<>();
        try {
            store.all().stream().filter(replay -> ReplayState.REQUESTED.equals(replay.state()))
                    .forEach(replay -> requested.add(replay.name()));
        } catch (RuntimeException e) {
            log.warn("Could not read which replays are requested; each projection's step stops its processor", e);
            return Set.of();
        }
        Set<String> notStopped = new HashSet<>();
        Map<String, CompletableFuture<Void>> stopping = new LinkedHashMap<>();
        for (Projection projection : projections.all()) {
            if (requested.contains(projection.name())) {
                try {
                    stopping.put(projection.name(), stopHereAsync(projection));
                } catch (RuntimeException e) {
                    log.warn("Projection {} could not be shut down for its replay; trying again at the next tick",
                            projection.name(), e);
                    notStopped.add(projection.name());
                }
            }
        }
        stopping.forEach((name, stopped) -> {
            try {
                stopped.join();
            } catch (RuntimeException e) {
                log.warn("Projection {} did not shut down cleanly for its replay; its reset waits for the next tick",
                        name, e);
                notStopped.add(name);
            }
        });
        return notStopped;
    }

    /** Takes the projection's replay a step further; the projection to load, when this node has just reset it. */
    private Optional<BulkReplay.Target> advance(Projection projection) {
        Optional<ReplayState> replay = store.find(projection.name());
        if (replay.isEmpty()) {
            return Optional.empty();
        }
        switch (replay.get().state()) {
            case ReplayState.REQUESTED -> {
                stopHere(projection);
                return reset(projection);
            }
            case ReplayState.REBUILDING -> {
                // Migrations run when a node starts: each node checks each replay once that the copies still
                // have the live tables' columns, and starts it over with new copies if not.
                Instant started = replay.get().startedAt();
                if (!started.equals(shapeChecked.get(projection.name()))) {
                    // A check that fails (the database away) is not counted as made: the next tick makes it again.
                    boolean unchanged = Boolean.TRUE.equals(transactions.execute(
                            status -> tables.copiesExist(projection) && tables.copiesMatchLive(projection)));
                    shapeChecked.put(projection.name(), started);
                    if (!unchanged) {
                        log.warn("The tables of projection {} changed during its replay; starting the replay over",
                                projection.name());
                        store.requestAgain(projection.name(), started);
                        return Optional.empty();
                    }
                }
                startHere(projection);
                swapIfCaughtUp(projection, replay.get().resetPosition());
            }
            default -> startHere(projection);
        }
        return Optional.empty();
    }

    private Optional<BulkReplay.Target> reset(Projection projection) {
        if (loadingHere.contains(projection.name())) {
            return Optional.empty(); // a load of the replay before is still stopping; its chunks see the new state
        }
        StreamingEventProcessor processor = processor(projection);
        try {
            return Optional.ofNullable(transactions.execute(status -> {
                Optional<ReplayState> locked = store.lockExclusive(projection.name());
                if (locked.isEmpty() || !ReplayState.REQUESTED.equals(locked.get().state())) {
                    return null;
                }
                tables.createCopies(projection);
                long head = SegmentPositions.position(eventStore.createHeadToken());
                // The reset handlers run in this transaction; with this search path they empty the copies.
                tables.writeToCopiesInThisTransaction();
                // From the first event: a processor without tokens starts at the head, its initial token.
                processor.resetTokens(StreamableMessageSource::createTailToken);
                store.rebuilding(projection.name(), head);
                log.info("Replay of projection {} started: rebuilding {} up to event {} beside the live tables",
                        projection.name(), projection.tables(), head);
                Instant started = store.find(projection.name()).map(ReplayState::startedAt).orElseThrow();
                return new BulkReplay.Target(projection, head, started);
            }));
        } catch (UnableToClaimTokenException e) {
            log.debug("Replay of projection {} waits for other nodes to release its segments", projection.name());
        } catch (IllegalStateException e) {
            log.error("Replay of projection {} failed", projection.name(), e);
            transactions.executeWithoutResult(status -> store.failed(projection.name(), e.getMessage()));
        }
        return Optional.empty();
    }

    private void swapIfCaughtUp(Projection projection, Long resetPosition) {
        if (!caughtUp(projection, resetPosition)) {
            return;
        }
        transactions.executeWithoutResult(status -> {
            // Waits for the batches writing to the copies right now and holds back the next ones.
            Optional<ReplayState> locked = store.lockExclusive(projection.name());
            if (locked.isEmpty() || !ReplayState.REBUILDING.equals(locked.get().state())
                    || !caughtUp(projection, locked.get().resetPosition())) {
                return;
            }
            tables.swap(projection);
            versions.committed(projection.name(), ReadModelVersions.REPLAY);
            store.completed(projection.name());
            log.info("Replay of projection {} completed: the rebuilt {} are live", projection.name(),
                    projection.tables());
        });
    }

    private boolean caughtUp(Projection projection, Long resetPosition) {
        return resetPosition == null || resetPosition < 0 || positions.allAtLeast(projection.name(), resetPosition);
    }

    private void stopHere(Projection projection) {
        stopHereAsync(projection).join();
    }

    private CompletableFuture<Void> stopHereAsync(Projection projection) {
        StreamingEventProcessor processor = processor(projection);
        if (!processor.isRunning()) {
            return CompletableFuture.completedFuture(null);
        }
        log.info("Shutting projection {} down on this node for its replay", projection.name());
        stoppedHere.add(projection.name());
        return processor.shutdownAsync();
    }

    /** Starts the processor this node shut down for a replay, once no bulk load of it runs here. */
    private void startHere(Projection projection) {
        if (!loadingHere.contains(projection.name()) && stoppedHere.remove(projection.name())) {
            processor(projection).start();
        }
    }

    private StreamingEventProcessor processor(Projection projection) {
        return processing.eventProcessor(projection.name(), StreamingEventProcessor.class).orElseThrow(
                () -> new IllegalStateException("No streaming processor for projection " + projection.name()));
    }
}
