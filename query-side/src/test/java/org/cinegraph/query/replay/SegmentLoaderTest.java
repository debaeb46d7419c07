package org.cinegraph.query.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
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
 * handler for (a festival's projection during a year import's events) cost no transaction, and the token still ends
 * past the head with every event of the segment applied once.
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
        replays.request(NAME);
        tokens.initializeTokenSegments(NAME, 1);
        tokens.fetchToken(NAME, 0);
    }

    @Test
    void chunksWithNothingForTheSegmentAreNotWrittenYetTheTokenEndsPastTheHead() throws InterruptedException {
        SegmentLoader loader = loader(50);
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
                .containsExactly(30L, 50L);
    }

    @Test
    void aLongStretchOfChunksWithNothingForTheSegmentStillRenewsTheClaim() throws InterruptedException {
        SegmentLoader loader = loader(1_000);
        Thread thread = start(loader);
        long from = 1;
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(2_600);
        while (System.nanoTime() < deadline) {
            loader.offer(chunk(from, 0));
            from += CHUNK;
            Thread.sleep(200);
        }
        long offered = from;
        assertThat(tokens.stored).as("a token within the claim's renewal period, though nothing was applied")
                .isNotEmpty()
                .allMatch(position -> position < offered);
        loader.endOfStream();
        assertThat(ended.await(10, TimeUnit.SECONDS)).isTrue();
        thread.join();
        assertThat(handler.applied).isEmpty();
    }

    private SegmentLoader loader(long head) {
        replays.rebuilding(NAME, head);
        Instant startedAt = replays.find(NAME).orElseThrow().startedAt();
        EventHandlerInvoker invoker = SimpleEventHandlerInvoker.builder().eventHandlers(handler).build();
        SegmentLoader.Storage storage = new SegmentLoader.Storage(transactions, tokens, replays, tables,
                new CopyStatistics(projection, tables, transactions));
        return new SegmentLoader(new BulkReplay.Target(projection, head, startedAt), Segment.ROOT_SEGMENT, null,
                invoker, ended::countDown, storage);
    }

    private static Thread start(SegmentLoader loader) {
        Thread thread = new Thread(loader, "segment-loader-test");
        thread.start();
        return thread;
    }

    /** {@value #CHUNK} events from {@code from} on, year events but for a festival's at {@code festivalAt}. */
    private static List<TrackedEventMessage<?>> chunk(long from, long festivalAt) {
        return LongStream.range(from, from + CHUNK).<TrackedEventMessage<?>>mapToObj(index ->
                new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(index),
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

    /** The token store, noting the position of each token stored. */
    static final class StoredTokens extends InMemoryTokenStore {

        final List<Long> stored = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void storeToken(TrackingToken token, String processorName, int segment) {
            stored.add(SegmentPositions.position(token));
            super.storeToken(token, processorName, segment);
        }
    }
}
