package org.cinegraph.query.answers;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
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
    private final Object lock = new Object();
    /** The query running, which arrivals must not take. */
    private CompletableFuture<Optional<String>> running;
    /** The query to start once the running one ends, which every arrival until then shares. */
    private CompletableFuture<Optional<String>> next;

    SharedVersionReads(Supplier<Optional<String>> query) {
        this.query = query;
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
            return awaited(shared);
        }
        try {
            if (before != null) {
                // This request runs the next query, once the one that started before the requests sharing it ended.
                before.exceptionally(failed -> Optional.empty()).join();
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

    /** The answer of the query another request runs, or its failure. */
    private static Optional<String> awaited(CompletableFuture<Optional<String>> shared) {
        try {
            return shared.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
