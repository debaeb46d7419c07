package org.cinegraph.sandbox.http;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

/**
 * The JDK's HTTP server on a free port of the loopback address only, sending every request to one handler on
 * threads of its own, and counting them: what both sandboxes run on.
 */
public final class LoopbackServer implements AutoCloseable {

    private static final String NO_DELAY = "sun.net.httpserver.nodelay";

    static {
        // The JDK server writes a response's headers and body separately; with Nagle's algorithm on, the
        // body then waits for the client's delayed ACK, some 40 ms a request, which would swamp any
        // benchmark. The JDK reads this switch once, when the JVM's first JDK HTTP server starts, and an
        // explicit setting is left alone.
        if (System.getProperty(NO_DELAY) == null) {
            System.setProperty(NO_DELAY, "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final ExchangeAdapter adapter;
    private final AtomicBoolean closed = new AtomicBoolean();

    private LoopbackServer(HttpServer server, ExecutorService executor, ExchangeAdapter adapter) {
        this.server = server;
        this.executor = executor;
        this.adapter = adapter;
    }

    /** @param threadNames the prefix of its threads' names, numbered from 1 */
    public static LoopbackServer start(String threadNames, int threads, int backlog, SandboxHandler handler)
            throws IOException {
        ExecutorService executor = new ThreadPoolExecutor(threads, threads, 0L, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), daemonThreads(threadNames));
        try {
            InetSocketAddress loopback =
                    new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0);
            HttpServer server = HttpServer.create(loopback, backlog);
            ExchangeAdapter adapter = new ExchangeAdapter(handler);
            server.createContext("/", adapter);
            server.setExecutor(executor);
            server.start();
            return new LoopbackServer(server, executor, adapter);
        } catch (IOException e) {
            executor.shutdownNow();
            throw e;
        }
    }

    /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + port());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Requests received so far, whatever their answer. */
    public long requestCount() {
        return adapter.requestCount();
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.stop(0);
            executor.shutdownNow();
        }
    }

    private static ThreadFactory daemonThreads(String names) {
        AtomicInteger created = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, names + created.incrementAndGet());
            // The server must never keep the JVM alive on its own, e.g. in a test that forgot to close it.
            thread.setDaemon(true);
            return thread;
        };
    }
}
