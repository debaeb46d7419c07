package org.cinegraph.query.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.cinegraph.query.testing.ProjectionDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A segment's bulk load writes a transaction for a chunk only when the chunk holds events of the segment, when it
 * passes the replay's head, or when the claim is due to be renewed: the chunks of events a projection has no
 * handler for (a festival's projection during a year import's events) cost no transaction, every event of the
 * segment is applied once, and each token stored is the one a processor advancing event by event would store.
 */
class SegmentLoaderTest {

    private static final String NAME = "zz_segment_loader";
    private static final int CHUNK = 10;

    private final JdbcClient jdbc = ProjectionDatabase.jdbc();
    private final TransactionTemplate transactions = new TransactionTemplate(
            new DataSourceTransactionManager(ProjectionDatabase.dataSource()));
    private final ReplayStore replays = new ReplayStore(jdbc);
    private final RebuildTables tables = new RebuildTables(jdbc);
    private final Projection projection = new Projection(NAME, List.of(NAME), List.of());
    private final StoredTokens tokens = new StoredTokens();
    private final FestivalHandler handler = new FestivalHandler();
    private final CountDownLatch ended = new CountDownLatch(1);

    @BeforeEach
    void aReplayRebuilding() {
        jdbc.sql("DELETE FROM projection_replay WHERE name = :name").param("name", NAME).update();
        // The projection's copy, which the load analyzes as its events add up.
        jdbc.sql("CREATE SCHEMA IF NOT EXISTS " + RebuildTables.REBUILD).update();
        jdbc.sql("CREATE TABLE IF NOT EXISTS " + RebuildTables.REBUILD + "." + NAME + " (id integer)").update();
        replays.request(NAME);
        tokens.initializeTokenSegments(NAME, 1);
        tokens.fetchToken(NAME, 0);
    }

    @Test
    void chunksWithNothingForTheSegmentAreNotWrittenYetTheTokenEndsPastTheHead() throws InterruptedException {
        // The reset's token, as a replay leaves it: a replay up to the head.
        TrackingToken reset = ReplayToken.createReplayToken(token(50));
        SegmentLoader loader = loader(50, reset, Duration.ofMinutes(1));
        Thread thread = start(loader);
        loader.offer(chunk(1, 0));
        loader.offer(chunk(11, 0));
        loader.offer(chunk(21, 25));
        loader.offer(chunk(31, 0));
        loader.offer(chunk(41, 0));
        loader.endOfStream();

        assertThat(ended.await(10, TimeUnit.SECONDS)).isTrue();
        thread.join();
        assertThat(handler.applied).containsExactly(25L);
        assertThat(tokens.stored).as("the chunk with its event, and the one that passes the head")
                .extracting(SegmentPositions::position).containsExactly(30L, 50L);
        // The tokens a processor would have stored, advancing event by event.
        assertThat(tokens.stored).containsExactly(advancedThrough(reset, 30), advancedThrough(reset, 50));
        assertThat(ReplayToken.isReplay(tokens.stored.get(0))).as("still replaying at 30").isTrue();
    }

    @Test
    void aSteadyStreamOfChunksWithNothingForTheSegmentStillStoresItsTokenWhenTheClaimIsDue()
            throws InterruptedException {
        // As fast as the loader takes them, so that a chunk is waiting whenever the claim falls due.
        int offered = feedChunksWithNothingUntilThreeTokensStored(Integer.MAX_VALUE, 0);

        assertThat(tokens.stored).as("tokens stored while only chunks with nothing came")
                .hasSizeGreaterThanOrEqualTo(3);
        assertThat(tokens.stored.size()).as("far fewer than the chunks").isLessThan(offered / 2);
        assertThat(handler.applied).isEmpty();
    }

    @Test
    void chunksWithNothingForTheSegmentComingSlowerThanTheLoaderTakesThemStillMoveItsTokenOn()
            throws InterruptedException {
        // One at a time, so that no chunk is waiting when the claim falls due: the loader waits for the next. A
        // chunk every 20 ms or more, so 300 chunks span at least 30 renewal periods.
        int offered = feedChunksWithNothingUntilThreeTokensStored(300, 20);

        assertThat(tokens.stored).as("tokens stored while only chunks with nothing came")
                .hasSizeGreaterThanOrEqualTo(3)
                .extracting(SegmentPositions::position).isSorted().doesNotHaveDuplicates();
        assertThat(tokens.stored.size()).as("far fewer than the chunks").isLessThan(offered / 2);
    }

    /**
     * Runs a load whose claim is due every 200 ms on chunks holding nothing for it, {@code pauseMillis} apart, until
     * it has stored three tokens, or {@code most} chunks or 30 s have gone by; returns how many chunks it was given.
     */
    private int feedChunksWithNothingUntilThreeTokensStored(int most, long pauseMillis) throws InterruptedException {
        SegmentLoader loader = loader(1_000_000, null, Duration.ofMillis(200));
        Thread thread = start(loader);
        long from = 1;
        int offered = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (tokens.stored.size() < 3 && offered < most && System.nanoTime() < deadline) {
            loader.offer(chunk(from, 0));
            from += CHUNK;
            offered++;
            if (pauseMillis > 0) {
                Thread.sleep(pauseMillis);
            }
        }
        loader.endOfStream();
        assertThat(ended.await(10, TimeUnit.SECONDS)).isTrue();
        thread.join();
        return offered;
    }

    private SegmentLoader loader(long head, TrackingToken reset, Duration renewClaim) {
        replays.rebuilding(NAME, head);
        Instant startedAt = replays.find(NAME).orElseThrow().startedAt();
        if (reset != null) {
            tokens.storeToken(reset, NAME, 0);
            tokens.stored.clear();
        }
        EventHandlerInvoker invoker = SimpleEventHandlerInvoker.builder().eventHandlers(handler).build();
        SegmentLoader.Storage storage = new SegmentLoader.Storage(transactions, tokens, replays, tables,
                new CopyStatistics(projection, tables, transactions));
        return new SegmentLoader(new BulkReplay.Target(projection, head, startedAt), Segment.ROOT_SEGMENT, reset,
                invoker, ended::countDown, storage, renewClaim);
    }

    private static TrackingToken token(long index) {
        return GapAwareTrackingToken.newInstance(index, Set.of());
    }

    private static TrackingToken advancedThrough(TrackingToken reset, long index) {
        TrackingToken token = reset;
        for (long event = 1; event <= index; event++) {
            token = WrappedToken.advance(token, token(event));
        }
        return token;
    }

    private static Thread start(SegmentLoader loader) {
        Thread thread = new Thread(loader, "segment-loader-test");
        thread.start();
        return thread;
    }

    /** {@value #CHUNK} events from {@code from} on, year events but for a festival's at {@code festivalAt}. */
    private static List<TrackedEventMessage<?>> chunk(long from, long festivalAt) {
        return LongStream.range(from, from + CHUNK).<TrackedEventMessage<?>>mapToObj(index ->
                new GenericTrackedEventMessage<>(token(index),
                        GenericEventMessage.asEventMessage(index == festivalAt
                                ? new FestivalEvent(index) : new YearEvent(index)))).toList();
    }

    record FestivalEvent(long index) {
    }

    record YearEvent(long index) {
    }

    static final class FestivalHandler {

        final List<Long> applied = Collections.synchronizedList(new ArrayList<>());

        @EventHandler
        void on(FestivalEvent event) {
            applied.add(event.index());
        }
    }

    /** The token store, noting each token stored. */
    static final class StoredTokens extends InMemoryTokenStore {

        final List<TrackingToken> stored = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void storeToken(TrackingToken token, String processorName, int segment) {
            stored.add(token);
            super.storeToken(token, processorName, segment);
        }
    }
}
