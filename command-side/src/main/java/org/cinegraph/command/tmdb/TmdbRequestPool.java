package org.cinegraph.command.tmdb;

import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.MDC;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * Threads for one job's TMDb requests, as many as the client lets through at once ({@link TmdbLimits#maxConnections}):
 * more would only wait for a connection. The job that opens it closes it when it ends, which interrupts the requests
 * still in flight; so it is the job's own, not a pool of the application. A request runs with the logging context
 * (MDC) of the thread that submitted it, so that what it logs carries the job's fields (a year import's {@code year}).
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
        Map<String, String> context = MDC.getCopyOfContextMap();
        return threads.submit(() -> {
            if (context == null) {
                MDC.clear();
            } else {
                MDC.setContextMap(context);
            }
            try {
                return request.call();
            } finally {
                // The pool's threads are its own: nothing of one job's context stays for the next request.
                MDC.clear();
            }
        });
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
