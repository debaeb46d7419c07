package org.cinegraph.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-process HTTP server that answers like TMDb API v3 over a {@link SandboxCatalogue}. It listens on
 * a free loopback port only and serves {@code /discover/movie}, {@code /movie/{id}}, {@code /movie/changes},
 * {@code /find/{imdb_id}}, {@code /search/movie} and {@code /configuration} under {@link #baseUrl()}; find and
 * search also know the films nominated for an Academy Award. It accepts requests with or without credentials and
 * answers them all, until {@link #faults()} makes it misbehave the way TMDb can.
 */
public final class TmdbSandboxServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TmdbSandboxServer.class);
    private static final int THREADS = 16;
    private static final int BACKLOG = 64;
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

    private final SandboxCatalogue catalogue;
    private final HttpServer server;
    private final ExecutorService executor;
    private final ExchangeAdapter adapter;
    private final SandboxFaults faults;
    private final SandboxChanges changes;
    private final URI baseUrl;
    private final AtomicBoolean closed = new AtomicBoolean();

    private TmdbSandboxServer(SandboxCatalogue catalogue, HttpServer server, ExecutorService executor,
                              ExchangeAdapter adapter, SandboxFaults faults, SandboxChanges changes) {
        this.catalogue = catalogue;
        this.server = server;
        this.executor = executor;
        this.adapter = adapter;
        this.faults = faults;
        this.changes = changes;
        this.baseUrl = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/3");
    }

    public static TmdbSandboxServer start(SandboxCatalogue catalogue) {
        ExecutorService executor = new ThreadPoolExecutor(THREADS, THREADS, 0L, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), daemonThreads());
        try {
            InetSocketAddress loopback =
                    new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0);
            HttpServer server = HttpServer.create(loopback, BACKLOG);
            PopularityDrift drift = new PopularityDrift();
            DeletionsDuringDiscovery deletions = new DeletionsDuringDiscovery();
            SandboxFaults faults = new SandboxFaults(drift, deletions);
            SandboxChanges changes = new SandboxChanges(catalogue.seed(), Clock.systemUTC());
            ExchangeAdapter adapter = new ExchangeAdapter(
                    new FaultLayer(faults, TmdbRoutes.over(catalogue, drift, deletions, changes)));
            server.createContext("/", adapter);
            server.setExecutor(executor);
            server.start();
            TmdbSandboxServer sandbox = new TmdbSandboxServer(catalogue, server, executor, adapter, faults, changes);
            log.info("TMDb sandbox serving {} movies in years {} at {}",
                    catalogue.totalMovies(), catalogue.years(), sandbox.baseUrl());
            return sandbox;
        } catch (IOException e) {
            executor.shutdownNow();
            throw new UncheckedIOException("Could not start the TMDb sandbox", e);
        }
    }

    /** {@code http://127.0.0.1:<port>/3}, without a trailing slash; clients append {@code /discover/movie}. */
    public URI baseUrl() {
        return baseUrl;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public SandboxCatalogue catalogue() {
        return catalogue;
    }

    /** The faults this server answers with, all off until switched on. */
    public SandboxFaults faults() {
        return faults;
    }

    /** TMDb's edits to the catalogue's movies, in its change feed and its details. */
    public SandboxChanges changes() {
        return changes;
    }

    /** Requests received so far, whatever their answer, faults' answers included. */
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

    private static ThreadFactory daemonThreads() {
        AtomicInteger created = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "tmdb-sandbox-" + created.incrementAndGet());
            // The server must never keep the JVM alive on its own, e.g. in a test that forgot to close it.
            thread.setDaemon(true);
            return thread;
        };
    }
}
