package org.cinegraph.query.replay;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
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
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
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
 * sequencing policy its processor uses (a chunk with none of the segment's events is no transaction of its own;
 * see {@link SegmentLoader}). Each
 * transaction does what a processor's batch does: it takes the shared lock on the projection's replay row,
 * writes to the copies of its tables and advances the projection's tokens, whose claims it holds. So the
 * tokens always say how far the copies are (a segment's may stay up to a couple of seconds of chunks behind, when
 * it had nothing in them), {@code GET /api/projections} shows the progress, and the projection's processors can
 * carry on from them at any moment.
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
    /**
     * The name of the threads that apply the segments' chunks, and of the one that reads the events for them: short
     * enough for the operating system to show whole (15 characters), as {@code top -H} and {@code /proc} do.
     */
    static final String LOADER_THREAD = "replay-loader";
    static final String READER_THREAD = "replay-reader";

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
        Thread thread = new Thread(runnable, LOADER_THREAD);
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
        List<SegmentLoader> loaders = new ArrayList<>();
        for (Target target : targets) {
            String name = target.projection().name();
            try {
                loaders.addAll(loaders(target, ended));
            } catch (RuntimeException e) {
                log.warn("Projection {} cannot be loaded in bulk; its processors rebuild it", name, e);
                ended.accept(name);
            }
        }
        List<SegmentLoader> started = new ArrayList<>();
        try {
            for (SegmentLoader loader : loaders) {
                threads.execute(() -> {
                    // The pool may hand it a thread that read the events of an earlier load.
                    Thread.currentThread().setName(LOADER_THREAD);
                    loader.run();
                });
                started.add(loader);
            }
            threads.execute(() -> read(started));
        } catch (RejectedExecutionException e) {
            // The node is stopping: the loaders that did not start end here, the others see no more chunks.
            loaders.stream().filter(loader -> !started.contains(loader)).forEach(SegmentLoader::abandon);
            started.forEach(SegmentLoader::endOfStream);
        }
    }

    /** A loader for each segment of the projection, on a thread of its own as the processors do. */
    private List<SegmentLoader> loaders(Target target, Consumer<String> ended) {
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
        SegmentLoader.Storage storage = new SegmentLoader.Storage(transactions, tokenStore.getObject(), store, tables,
                new CopyStatistics(target.projection(), tables, transactions));
        List<SegmentLoader> loaders = new ArrayList<>();
        for (int segmentId : segmentIds) {
            TrackingToken reset = transactions.execute(status -> tokenStore.getObject().fetchToken(name, segmentId));
            loaders.add(new SegmentLoader(target, Segment.computeSegment(segmentId, segmentIds), reset, invoker,
                    segmentEnded, storage));
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

    private void read(List<SegmentLoader> loaders) {
        Thread.currentThread().setName(READER_THREAD);
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
            loaders.forEach(SegmentLoader::endOfStream);
        }
    }

    /** Hands the chunk to every loader still loading; false once none is. */
    private static boolean deliver(List<SegmentLoader> loaders, List<TrackedEventMessage<?>> chunk)
            throws InterruptedException {
        boolean anyLoading = false;
        for (SegmentLoader loader : loaders) {
            anyLoading |= loader.offer(chunk);
        }
        return anyLoading;
    }
}
