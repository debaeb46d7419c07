package org.cinegraph.query.answers;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The read models' version for requests that arrive together: one query answers every request that was waiting
 * when it started, instead of one query a request. A request never takes the answer of a query that had started
 * before it arrived (that query may have missed a commit made just before the request): it waits for the next one,
 * which starts as soon as the running one ends. At most one query runs at a time, and a request waits for two at
 * most.
 */
final class SharedVersionReads {

    private final Supplier<Optional<String>> query;
    /**
     * How long a request waits for a query another request runs (the query's own time limit, or a connection that
     * does not come, may keep it longer): then it goes on without a version, and its answer is read from the tables.
     */
    private final Duration patience;
    private final Object lock = new Object();
    /** The query running, which arrivals must not take. */
    private CompletableFuture<Optional<String>> running;
    /** The query to start once the running one ends, which every arrival until then shares. */
    private CompletableFuture<Optional<String>> next;

    SharedVersionReads(Supplier<Optional<String>> query, Duration patience) {
        this.query = query;
        this.patience = patience;
    }

    Optional<String> current() {
        CompletableFuture<Optional<String>> mine;
        CompletableFuture<Optional<String>> before = null;
        CompletableFuture<Optional<String>> shared = null;
        synchronized (lock) {
            if (next != null) {
                shared = next;
                mine = null;
            } else if (running != null) {
                before = running;
                next = new CompletableFuture<>();
                mine = next;
            } else {
                running = new CompletableFuture<>();
                mine = running;
            }
        }
        if (shared != null) {
            // It may wait for the running query and then this one: twice the patience at most.
            return awaited(shared, patience.multipliedBy(2));
        }
        try {
            if (before != null) {
                // This request runs the next query once the one that started before the requests sharing it ended,
                // or, if that one hangs, after waiting for it as long as it may.
                awaitQuietly(before);
                synchronized (lock) {
                    running = mine;
                    next = null;
                }
            }
            Optional<String> version = query.get();
            mine.complete(version);
            return version;
        } catch (Throwable e) {
            // Whatever failed, however (an Error included), the requests sharing this query fail with it, and the
            // next request starts afresh.
            mine.completeExceptionally(e);
            synchronized (lock) {
                if (next == mine) {
                    next = null;
                }
            }
            throw e;
        } finally {
            synchronized (lock) {
                if (running == mine) {
                    running = null;
                }
            }
        }
    }

    /** Waits for the query, however it ends, for as long as the patience allows. */
    private void awaitQuietly(CompletableFuture<Optional<String>> query) {
        try {
            query.get(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // it failed, or still runs: either way the next query may start
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The answer of the query another request runs, or its failure; none if it takes longer than {@code wait}. */
    private static Optional<String> awaited(CompletableFuture<Optional<String>> shared, Duration wait) {
        try {
            return shared.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
