package org.cinegraph.command.tmdb;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * Threads for one job's TMDb requests, as many as the client lets through at once ({@link TmdbLimits#maxConnections}):
 * more would only wait for a connection. The job that opens it closes it when it ends, which interrupts the requests
 * still in flight; so it is the job's own, not a pool of the application.
 */
public final class TmdbRequestPool implements AutoCloseable {

    private final ExecutorService threads;

    /** @param name what the pool's threads are named after, a counter following */
    public TmdbRequestPool(TmdbLimits limits, String name) {
        CustomizableThreadFactory factory = new CustomizableThreadFactory(name + "-");
        factory.setDaemon(true);
        this.threads = Executors.newFixedThreadPool(limits.maxConnections(), factory);
    }

    public <T> Future<T> submit(Callable<T> request) {
        return threads.submit(request);
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
