package org.cinegraph.query.answers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Requests that arrive while a version query runs share the next one, which starts once it ends; none takes the
 * answer of a query that started before it arrived.
 */
class SharedVersionReadsTest {

    private static final Duration PATIENT = Duration.ofSeconds(30);

    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void requestsArrivingDuringAQueryShareTheNextOneAndNoneTakesTheRunningOne() throws Exception {
        HeldFirst queries = new HeldFirst(query -> Optional.of("v" + query));
        SharedVersionReads reads = new SharedVersionReads(queries, PATIENT);
        AtomicInteger started = queries.started;
        CountDownLatch firstRunning = queries.firstRunning;
        CountDownLatch releaseFirst = queries.releaseFirst;

        Future<Optional<String>> first = threads.submit(reads::current);
        assertThat(firstRunning.await(10, TimeUnit.SECONDS)).isTrue();
        List<Future<Optional<String>>> arrivedDuring = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            arrivedDuring.add(threads.submit(reads::current));
        }
        // Give them time to queue: none may finish before the running query does.
        Thread.sleep(200);
        assertThat(arrivedDuring).noneMatch(Future::isDone);
        releaseFirst.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).contains("v1");
        for (Future<Optional<String>> read : arrivedDuring) {
            assertThat(read.get(10, TimeUnit.SECONDS)).as("the query after the one running when it arrived")
                    .contains("v2");
        }
        assertThat(started).as("one query for the six").hasValue(2);
        assertThat(reads.current()).as("a request alone runs its own").contains("v3");
    }

    @Test
    void aFailedQueryFailsTheRequestsSharingItAndTheNextOneRunsAgain() throws Exception {
        HeldFirst queries = new HeldFirst(query -> {
            if (query <= 2) {
                throw new IllegalStateException(query == 1 ? "the database went away" : "still away");
            }
            return Optional.of("v" + query);
        });
        SharedVersionReads reads = new SharedVersionReads(queries, PATIENT);
        CountDownLatch firstRunning = queries.firstRunning;
        CountDownLatch releaseFirst = queries.releaseFirst;
        Future<Optional<String>> first = threads.submit(reads::current);
        assertThat(firstRunning.await(10, TimeUnit.SECONDS)).isTrue();
        Future<Optional<String>> second = threads.submit(reads::current);
        Future<Optional<String>> third = threads.submit(reads::current);
        Thread.sleep(200);
        releaseFirst.countDown();

        assertThatThrownBy(() -> first.get(10, TimeUnit.SECONDS)).hasRootCauseMessage("the database went away");
        assertThatThrownBy(() -> second.get(10, TimeUnit.SECONDS)).hasRootCauseMessage("still away");
        assertThatThrownBy(() -> third.get(10, TimeUnit.SECONDS)).hasRootCauseMessage("still away");
        assertThat(reads.current()).contains("v3");
    }

    @Test
    void aQueryThatHangsHoldsTheRequestsNoLongerThanThePatience() throws Exception {
        AtomicInteger started = new AtomicInteger();
        CountDownLatch firstRunning = new CountDownLatch(1);
        CountDownLatch secondRunning = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        SharedVersionReads reads = new SharedVersionReads(() -> {
            int query = started.incrementAndGet();
            (query == 1 ? firstRunning : secondRunning).countDown();
            await(release); // every query hangs (a lock, a stalled connection) until the end of the test
            return Optional.of("v" + query);
        }, Duration.ofSeconds(1));
        try {
            Future<Optional<String>> first = threads.submit(reads::current);
            assertThat(firstRunning.await(10, TimeUnit.SECONDS)).isTrue();
            Future<Optional<String>> second = threads.submit(reads::current);
            Thread.sleep(100);
            Future<Optional<String>> third = threads.submit(reads::current);

            assertThat(secondRunning.await(10, TimeUnit.SECONDS))
                    .as("the next query starts after the patience, though the one before still runs").isTrue();
            assertThat(third.get(10, TimeUnit.SECONDS)).as("no version: the answer is read from the tables")
                    .isEmpty();
            assertThat(first).isNotDone();
            assertThat(second).isNotDone();
            assertThat(started).as("the third shared the second's query").hasValue(2);
        } finally {
            release.countDown();
        }
    }

    /** Version queries numbered from 1; the first runs until {@code releaseFirst}, then each answers as told. */
    private static final class HeldFirst implements Supplier<Optional<String>> {

        final AtomicInteger started = new AtomicInteger();
        final CountDownLatch firstRunning = new CountDownLatch(1);
        final CountDownLatch releaseFirst = new CountDownLatch(1);
        private final IntFunction<Optional<String>> answer;

        HeldFirst(IntFunction<Optional<String>> answer) {
            this.answer = answer;
        }

        @Override
        public Optional<String> get() {
            int query = started.incrementAndGet();
            if (query == 1) {
                firstRunning.countDown();
                await(releaseFirst);
            }
            return answer.apply(query);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
