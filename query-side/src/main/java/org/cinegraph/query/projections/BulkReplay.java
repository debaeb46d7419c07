package org.cinegraph.query.projections;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.AllowReplay;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.ReflectionUtils;

/**
 * The fast first part of a rebuild: the projections whose tokens this node has just reset are fed from one read
 * of the event store, instead of each processor reading the whole store for itself.
 *
 * <p>One thread reads the events in order and decodes each once; each segment of each projection applies them
 * on a thread of its own, a chunk of {@value #CHUNK} events per transaction, with the handlers and the
 * sequencing policy its processor uses. Each
 * transaction does what a processor's batch does: it takes the shared lock on the projection's replay row,
 * writes to the copies of its tables and advances the projection's tokens, whose claims it holds. So the
 * tokens always say how far the copies are, {@code GET /api/projections} shows the progress, and the
 * projection's processors can carry on from them at any moment.
 *
 * <p>A projection's load ends once it has passed the head recorded at the reset (the processors take the
 * events after it), or as soon as anything goes wrong: a handler fails, another node takes a claim over, the
 * replay is started over, the node stops. Either way the load releases the claims and the projection's
 * processors, on any node, go on from the last committed chunk, dead-letter queue included. Nothing is lost:
 * this path only ever does sooner what the processors would do.
 */
@Component
class BulkReplay {

    private static final Logger log = LoggerFactory.getLogger(BulkReplay.class);
    /** Events per transaction, unless {@code cinegraph.replay.load-chunk-size} says otherwise. */
    static final int CHUNK = 1000;
    /** How often a loader waiting for its next chunk renews its claims, well within Axon's 10 s claim timeout. */
    private static final long RENEW_CLAIM_SECONDS = 2;
    /** Chunks read ahead of the slowest projection. */
    private static final int READ_AHEAD = 4;
    private static final List<TrackedEventMessage<?>> END_OF_STREAM = List.of();

    /** A projection to load: reset by this node, up to the event store's head at that moment. */
    record Target(Projection projection, long head, Instant startedAt) {
    }

    private final Projections projections;
    private final ReplayStore store;
    private final RebuildTables tables;
    private final ObjectProvider<EventStorageEngine> storageEngine;
    private final ObjectProvider<TokenStore> tokenStore;
    private final ObjectProvider<Configuration> axon;
    private final TransactionTemplate transactions;
    private final int chunkSize;
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "projection-bulk-replay");
        thread.setDaemon(true);
        return thread;
    });

    BulkReplay(Projections projections, ReplayStore store, RebuildTables tables,
            ObjectProvider<EventStorageEngine> storageEngine, ObjectProvider<TokenStore> tokenStore,
            ObjectProvider<Configuration> axon, TransactionTemplate transactions,
            @Value("${cinegraph.replay.load-chunk-size:" + CHUNK + "}") int chunkSize) {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("cinegraph.replay.load-chunk-size must be 1 or more, not " + chunkSize);
        }
        this.projections = projections;
        this.store = store;
        this.tables = tables;
        this.storageEngine = storageEngine;
        this.tokenStore = tokenStore;
        this.axon = axon;
        this.transactions = transactions;
        this.chunkSize = chunkSize;
    }

    /**
     * Loads the targets in the background. {@code ended} is called with each target's name once its load has
     * ended, however it ended, and its claims are released.
     */
    void start(List<Target> targets, Consumer<String> ended) {
        log.info("Loading {} from one read of the event store",
                targets.stream().map(target -> target.projection().name()).toList());
        List<Loader> loaders = new ArrayList<>();
        for (Target target : targets) {
            String name = target.projection().name();
            try {
                loaders.addAll(loaders(target, ended));
            } catch (RuntimeException e) {
                log.warn("Projection {} cannot be loaded in bulk; its processors rebuild it", name, e);
                ended.accept(name);
            }
        }
        List<Loader> started = new ArrayList<>();
        try {
            for (Loader loader : loaders) {
                threads.execute(loader);
                started.add(loader);
            }
            threads.execute(() -> read(started));
        } catch (RejectedExecutionException e) {
            // The node is stopping: the loaders that did not start end here, the others see no more chunks.
            loaders.stream().filter(loader -> !started.contains(loader)).forEach(Loader::abandon);
            started.forEach(Loader::endOfStream);
        }
    }

    /** A loader for each segment of the projection, on a thread of its own as the processors do. */
    private List<Loader> loaders(Target target, Consumer<String> ended) {
        String name = target.projection().name();
        Class<?> handlers = AopUtils.getTargetClass(projections.handlers(target.projection()));
        if (skipsReplays(handlers)) {
            // The load hands its events over as they are, not as a replay; only the processors know to skip them.
            log.info("Projection {} has handlers that must not see a replay; its processors rebuild it", name);
            ended.accept(name);
            return List.of();
        }
        EventHandlerInvoker invoker = invoker(target.projection());
        int[] segmentIds = transactions.execute(status -> tokenStore.getObject().fetchSegments(name));
        if (segmentIds == null || segmentIds.length == 0) {
            ended.accept(name);
            return List.of();
        }
        AtomicInteger loading = new AtomicInteger(segmentIds.length);
        Runnable segmentEnded = () -> {
            if (loading.decrementAndGet() == 0) {
                ended.accept(name);
            }
        };
        List<Loader> loaders = new ArrayList<>();
        for (int segmentId : segmentIds) {
            // The token the reset left, which this node holds the claim of: the load goes on only while the
            // token is the one it last stored.
            TrackingToken reset = transactions.execute(status -> tokenStore.getObject().fetchToken(name, segmentId));
            loaders.add(new Loader(target, Segment.computeSegment(segmentId, segmentIds), reset, invoker,
                    segmentEnded));
        }
        return loaders;
    }

    /** Whether any of the class's event handlers is marked not to run during a replay ({@code @DisallowReplay}). */
    static boolean skipsReplays(Class<?> handlers) {
        if (!replayAllowed(handlers)) {
            return true;
        }
        for (Method method : ReflectionUtils.getUniqueDeclaredMethods(handlers)) {
            if (!replayAllowed(method)) {
                return true;
            }
        }
        return false;
    }

    private static boolean replayAllowed(AnnotatedElement element) {
        AllowReplay allow = AnnotatedElementUtils.findMergedAnnotation(element, AllowReplay.class);
        return allow == null || allow.value();
    }

    /**
     * The projection's handlers with its processor's sequencing policy, failing on the first error as a
     * processor's batch does.
     */
    private EventHandlerInvoker invoker(Projection projection) {
        Object handlers = projections.handlers(projection);
        Configuration configuration = axon.getObject();
        return SimpleEventHandlerInvoker.builder()
                .eventHandlers(handlers)
                .parameterResolverFactory(configuration.parameterResolverFactory())
                .handlerDefinition(configuration.handlerDefinition(handlers.getClass()))
                .sequencingPolicy(configuration.eventProcessingConfiguration().sequencingPolicy(projection.name()))
                .listenerInvocationErrorHandler(PropagatingErrorHandler.instance())
                .build();
    }

    @EventListener(ContextClosedEvent.class)
    void stop() throws InterruptedException {
        threads.shutdownNow();
        threads.awaitTermination(30, TimeUnit.SECONDS);
    }

    private void read(List<Loader> loaders) {
        try (Stream<? extends TrackedEventMessage<?>> events = storageEngine.getObject().readEvents(null, false)) {
            Iterator<? extends TrackedEventMessage<?>> iterator = events.iterator();
            List<TrackedEventMessage<?>> chunk = new ArrayList<>(chunkSize);
            while (iterator.hasNext()) {
                TrackedEventMessage<?> event = iterator.next();
                // Decoded here, once for every projection, while the projections write the previous chunks.
                event.getPayload();
                event.getTimestamp();
                // Events that share a token (an upcaster made several of one stored event) stay in one chunk,
                // as Axon's processors keep them in one batch: a token can only stand after all of them.
                if (chunk.size() >= chunkSize
                        && !event.trackingToken().equals(chunk.get(chunk.size() - 1).trackingToken())) {
                    if (!deliver(loaders, chunk)) {
                        return;
                    }
                    chunk = new ArrayList<>(chunkSize);
                }
                chunk.add(event);
            }
            if (!chunk.isEmpty()) {
                deliver(loaders, chunk);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("Reading the event store for a replay failed; the projections' processors carry on", e);
        } finally {
            loaders.forEach(Loader::endOfStream);
        }
    }

    /** Hands the chunk to every loader still loading; false once none is. */
    private static boolean deliver(List<Loader> loaders, List<TrackedEventMessage<?>> chunk)
            throws InterruptedException {
        boolean anyLoading = false;
        for (Loader loader : loaders) {
            anyLoading |= loader.offer(chunk);
        }
        return anyLoading;
    }

    private static long position(TrackingToken token) {
        return token == null ? -1 : token.position().orElse(-1);
    }

    /** Applies the chunks to one segment of one projection. */
    private final class Loader implements Runnable {

        private final Target target;
        private final String name;
        private final Segment segment;
        private final EventHandlerInvoker invoker;
        private final Runnable ended;
        private final BlockingQueue<List<TrackedEventMessage<?>>> chunks = new ArrayBlockingQueue<>(READ_AHEAD);
        private volatile boolean done;
        private long position = -1;
        /** The segment's token as this load last left it; anything else means another node moved it. */
        private TrackingToken expected;

        Loader(Target target, Segment segment, TrackingToken expected, EventHandlerInvoker invoker, Runnable ended) {
            this.target = target;
            this.name = target.projection().name();
            this.segment = segment;
            this.expected = expected;
            this.invoker = invoker;
            this.ended = ended;
        }

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
                while (position < target.head()) {
                    List<TrackedEventMessage<?>> chunk = chunks.poll(RENEW_CLAIM_SECONDS, TimeUnit.SECONDS);
                    if (chunk == null) {
                        // Waiting for the reader, which waits for the slowest projection: keep the claim.
                        if (!Boolean.TRUE.equals(transactions.execute(status -> tokenStillOurs()))) {
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
                                + " take it from there", segment.getSegmentId(), name, position, events,
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                log.warn("Loading segment {} of projection {} stopped at event {}; its processors carry on from there",
                        segment.getSegmentId(), name, position, e);
            } finally {
                done = true;
                chunks.clear();
                releaseClaim();
                ended.run();
            }
        }

        /**
         * Applies the segment's events of one chunk in one transaction; false when the replay is no longer this
         * load's to write.
         */
        private boolean apply(List<TrackedEventMessage<?>> chunk) {
            TrackingToken last = chunk.get(chunk.size() - 1).trackingToken();
            TrackingToken applied = transactions.execute(status -> {
                tables.commitWithoutWaitingForTheDisk();
                boolean ours = store.lockShared(name)
                        .filter(replay -> ReplayState.REBUILDING.equals(replay.state()))
                        .filter(replay -> target.startedAt().equals(replay.startedAt()))
                        .isPresent();
                if (!ours || !tokenStillOurs()) {
                    return null;
                }
                tables.writeToCopiesInThisTransaction();
                BatchingUnitOfWork<TrackedEventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(chunk);
                ResultMessage<?> result = unitOfWork.executeWithResult(() -> {
                    EventMessage<?> event = unitOfWork.getMessage();
                    if (invoker.canHandle(event, segment)) {
                        invoker.handle(event, segment);
                    }
                    return null;
                }, RollbackConfigurationType.ANY_THROWABLE);
                if (result.isExceptional()) {
                    throw new IllegalStateException("Applying events up to " + last + " failed",
                            result.exceptionResult());
                }
                // Advances the token as the processor would (a replay token stays one until past the reset).
                TrackingToken advanced = WrappedToken.advance(expected, last);
                tokenStore.getObject().storeToken(advanced, name, segment.getSegmentId());
                return advanced;
            });
            if (applied != null) {
                expected = applied;
                position = position(last);
                return true;
            }
            return false;
        }

        /**
         * Claims the segment for this transaction (its token row stays locked until the commit) and checks its
         * token is still the one this load stored. Another node may have taken the claim over after a stall,
         * moved the token on and let the claim go again; the load must then stop rather than move it back.
         */
        private boolean tokenStillOurs() {
            TrackingToken current;
            try {
                current = tokenStore.getObject().fetchToken(name, segment.getSegmentId());
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
                transactions.executeWithoutResult(
                        status -> tokenStore.getObject().releaseClaim(name, segment.getSegmentId()));
            } catch (RuntimeException e) {
                log.warn("Could not release the claim on segment {} of projection {}; it expires by itself",
                        segment.getSegmentId(), name, e);
            }
        }
    }
}
