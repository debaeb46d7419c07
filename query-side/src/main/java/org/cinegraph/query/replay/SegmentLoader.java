package org.cinegraph.query.replay;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One segment of one projection in a bulk load ({@link BulkReplay}): applies the chunks of events the load reads,
 * a chunk per transaction, on a thread of its own, holding the segment's claim, until it has passed the head of the
 * replay or anything goes wrong. It then releases the claim, and the projection's processors carry on from the
 * last chunk it committed. A chunk holding none of the segment's events is no transaction of its own: the token
 * passes it with the segment's next transaction, and one comes about every {@value #RENEW_CLAIM_SECONDS} seconds
 * whatever the chunks hold, renewing the claim well within Axon's 10 s timeout. Such a segment sees a replay restarted
 * or a claim taken over only then, and, having written nothing meanwhile, stops there.
 */
final class SegmentLoader implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(SegmentLoader.class);
    /** How often a loader renews its claim, waiting or not, well within Axon's 10 s claim timeout. */
    private static final long RENEW_CLAIM_SECONDS = 2;
    /** Chunks read ahead of the slowest projection. */
    private static final int READ_AHEAD = 4;
    private static final List<TrackedEventMessage<?>> END_OF_STREAM = List.of();

    /**
     * Where a loader writes: in transactions, to the copies of the tables, advancing the segment's token; and the
     * copies' statistics, kept by the loads of all the projection's segments.
     */
    record Storage(TransactionTemplate transactions, TokenStore tokens, ReplayStore replays, RebuildTables tables,
                   CopyStatistics statistics) {
    }

    private final BulkReplay.Target target;
    private final String name;
    private final Segment segment;
    private final EventHandlerInvoker invoker;
    private final Runnable ended;
    private final TransactionTemplate transactions;
    private final TokenStore tokens;
    private final ReplayStore replays;
    private final RebuildTables tables;
    private final CopyStatistics statistics;
    /** Event types and whether the projection handles them; used by the loader's own thread only. */
    private final Map<Class<?>, Boolean> handledTypes = new HashMap<>();
    private final BlockingQueue<List<TrackedEventMessage<?>>> chunks = new ArrayBlockingQueue<>(READ_AHEAD);
    private volatile boolean done;
    /** The last event of the chunks passed with nothing to write since the token was last stored; null if none. */
    private TrackingToken passed;
    /**
     * The segment's token as this load last left it, where the processors carry on from; anything else means another
     * node moved it.
     */
    private TrackingToken expected;
    private final long renewClaimNanos;
    /** When this load last stored the segment's token, or checked it while waiting, renewing its claim. */
    private long claimRenewedAt = System.nanoTime();

    /**
     * @param reset the token the reset left, whose claim this node holds: the load goes on only while the token
     *              is the one it last stored
     * @param ended called once the load of this segment has ended, however it ended, its claim released
     */
    SegmentLoader(BulkReplay.Target target, Segment segment, TrackingToken reset, EventHandlerInvoker invoker,
                  Runnable ended, Storage storage) {
        this(target, segment, reset, invoker, ended, storage, Duration.ofSeconds(RENEW_CLAIM_SECONDS));
    }

    /** As above, renewing the claim every {@code renewClaim}. */
    SegmentLoader(BulkReplay.Target target, Segment segment, TrackingToken reset, EventHandlerInvoker invoker,
                  Runnable ended, Storage storage, Duration renewClaim) {
        this.renewClaimNanos = renewClaim.toNanos();
        this.target = target;
        this.name = target.projection().name();
        this.segment = segment;
        this.expected = reset;
        this.invoker = invoker;
        this.ended = ended;
        this.transactions = storage.transactions();
        this.tokens = storage.tokens();
        this.replays = storage.replays();
        this.tables = storage.tables();
        this.statistics = storage.statistics();
    }

    /** Queues the chunk for this loader; false once it no longer loads. */
    boolean offer(List<TrackedEventMessage<?>> chunk) throws InterruptedException {
        while (!done) {
            if (chunks.offer(chunk, 100, TimeUnit.MILLISECONDS)) {
                return true;
            }
        }
        return false;
    }

    /** Ends a loader that never ran. */
    void abandon() {
        done = true;
        releaseClaim();
        ended.run();
    }

    /** Tells the loader that no chunk follows, once it has taken the ones before. */
    void endOfStream() {
        try {
            while (!done && !chunks.offer(END_OF_STREAM, 100, TimeUnit.MILLISECONDS)) {
                // the loader is still applying the chunks before
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the node stops, and the loaders with it
        }
    }

    @Override
    public void run() {
        long started = System.nanoTime();
        long events = 0;
        try {
            while (position() < target.head()) {
                long renewIn = Math.max(0, renewClaimNanos - (System.nanoTime() - claimRenewedAt));
                List<TrackedEventMessage<?>> chunk = chunks.poll(renewIn, TimeUnit.NANOSECONDS);
                if (chunk == null) {
                    // The claim is due: keep it, storing the token past the chunks passed since the last one.
                    if (!renewClaim()) {
                        break;
                    }
                    continue;
                }
                if (chunk == END_OF_STREAM || !apply(chunk)) {
                    break;
                }
                events += chunk.size();
            }
            log.info("Loaded segment {} of projection {} up to event {} ({} events in {} ms); its processors"
                            + " take it from there", segment.getSegmentId(), name, SegmentPositions.position(expected),
                    events, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("Loading segment {} of projection {} stopped at event {}; its processors carry on from there",
                    segment.getSegmentId(), name, SegmentPositions.position(expected), e);
        } finally {
            done = true;
            chunks.clear();
            releaseClaim();
            ended.run();
        }
    }

    /**
     * Applies the segment's events of one chunk in one transaction, or passes a chunk with none of them while the
     * claim is not due; false when the replay is no longer this load's to write.
     */
    private boolean apply(List<TrackedEventMessage<?>> chunk) {
        TrackingToken last = chunk.get(chunk.size() - 1).trackingToken();
        // Only the events this segment applies go into its unit of work, as a processor's batch holds only those.
        List<TrackedEventMessage<?>> handled = chunk.stream()
                .filter(event -> handlesType(event.getPayloadType()) && invoker.canHandle(event, segment))
                .toList();
        if (handled.isEmpty() && SegmentPositions.position(last) < target.head()
                && System.nanoTime() - claimRenewedAt < renewClaimNanos) {
            // Nothing here for this segment (a festival's projection in a year import's events): no transaction,
            // its token moves past these events with the next one it writes, at the latest when the claim is due.
            // Stopped before that, the load leaves its processors events they apply nothing of. The chunk that
            // passes the head is always written.
            passed = last;
            statistics.applied(chunk.size());
            return true;
        }
        if (!write(last, handled)) {
            return false;
        }
        statistics.applied(chunk.size());
        return true;
    }

    /**
     * Renews the claim when it is due and no chunk is waiting: stores the token past the chunks passed with nothing
     * to write, if any, else checks it is still this load's. False when the replay is no longer this load's.
     */
    private boolean renewClaim() {
        if (passed != null) {
            return write(passed, List.of());
        }
        if (!Boolean.TRUE.equals(transactions.execute(status -> tokenStillOurs()))) {
            return false;
        }
        claimRenewedAt = System.nanoTime();
        return true;
    }

    /**
     * Applies {@code handled}, the segment's events up to {@code last}, and stores its token past {@code last}, in
     * one transaction; false when the replay is no longer this load's to write.
     */
    private boolean write(TrackingToken last, List<TrackedEventMessage<?>> handled) {
        TrackingToken applied = transactions.execute(status -> {
            tables.commitWithoutWaitingForTheDisk();
            boolean ours = replays.lockShared(name)
                    .filter(replay -> ReplayState.REBUILDING.equals(replay.state()))
                    .filter(replay -> target.startedAt().equals(replay.startedAt()))
                    .isPresent();
            if (!ours || !tokenStillOurs()) {
                return null;
            }
            tables.writeToCopiesInThisTransaction();
            if (!handled.isEmpty()) {
                BatchingUnitOfWork<TrackedEventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(handled);
                ResultMessage<?> result = unitOfWork.executeWithResult(() -> {
                    invoker.handle(unitOfWork.getMessage(), segment);
                    return null;
                }, RollbackConfigurationType.ANY_THROWABLE);
                if (result.isExceptional()) {
                    throw new IllegalStateException("Applying events up to " + last + " failed",
                            result.exceptionResult());
                }
            }
            // Advances the token as the processor would (a replay token stays one until past the reset).
            TrackingToken advanced = WrappedToken.advance(expected, last);
            tokens.storeToken(advanced, name, segment.getSegmentId());
            return advanced;
        });
        if (applied == null) {
            return false;
        }
        expected = applied;
        claimRenewedAt = System.nanoTime();
        passed = null;
        return true;
    }

    /** The last event this load has taken: applied, or passed with nothing in it for the segment. */
    private long position() {
        return SegmentPositions.position(passed != null ? passed : expected);
    }

    /**
     * Whether the projection has a handler for events of the type at all: asked once per type, so that the events
     * of the many types no handler takes are passed over without looking for a handler for each (a replay hands
     * every event to every segment of every projection).
     */
    private boolean handlesType(Class<?> payloadType) {
        return handledTypes.computeIfAbsent(payloadType, invoker::canHandleType);
    }

    /**
     * Claims the segment for this transaction (its token row stays locked until the commit) and checks its
     * token is still the one this load stored. Another node may have taken the claim over after a stall,
     * moved the token on and let the claim go again; the load must then stop rather than move it back.
     */
    private boolean tokenStillOurs() {
        TrackingToken current;
        try {
            current = tokens.fetchToken(name, segment.getSegmentId());
        } catch (UnableToClaimTokenException e) {
            log.info("Another node holds segment {} of projection {}; the load leaves it to the processors",
                    segment.getSegmentId(), name);
            return false;
        }
        if (!Objects.equals(current, expected)) {
            log.info("The token of segment {} of projection {} moved on without this load; it stops there",
                    segment.getSegmentId(), name);
            return false;
        }
        return true;
    }

    private void releaseClaim() {
        try {
            transactions.executeWithoutResult(status -> tokens.releaseClaim(name, segment.getSegmentId()));
        } catch (RuntimeException e) {
            log.warn("Could not release the claim on segment {} of projection {}; it expires by itself",
                    segment.getSegmentId(), name, e);
        }
    }
}
