package org.cinegraph.sandbox;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An oscars.org look-alike on a loopback port: {@code /oscars/ceremonies/{year}} answers the ceremony held that
 * year, in the real page's markup, built from the bundled {@code oscars.csv}, so sandbox mode shows every
 * ceremony; any other year is a 404 page. {@link #replacePage} lets a test serve a page of its own for a year
 * (a changed page, a hostile one).
 */
public final class OscarsSandboxServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OscarsSandboxServer.class);
    private static final Pattern CEREMONY = Pattern.compile("/oscars/ceremonies/(\\d{1,4})/?");
    private static final String HTML = "text/html;charset=utf-8";

    private final OscarsNominations nominations;
    private final HttpServer server;
    private final ExecutorService executor;
    private final ExchangeAdapter adapter;
    private final Map<Integer, SandboxResponse> replaced = new ConcurrentHashMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    private OscarsSandboxServer(OscarsNominations nominations) throws IOException {
        this.nominations = nominations;
        AtomicInteger created = new AtomicInteger();
        executor = Executors.newFixedThreadPool(4, task -> {
            Thread thread = new Thread(task, "oscars-sandbox-" + created.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server = HttpServer.create(
                new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0), 16);
        adapter = new ExchangeAdapter(new Router(List.of(Router.Route.of(CEREMONY.pattern(), this::ceremony))));
        server.createContext("/", adapter);
        server.setExecutor(executor);
        server.start();
    }

    public static OscarsSandboxServer start(OscarsNominations nominations) {
        try {
            OscarsSandboxServer sandbox = new OscarsSandboxServer(nominations);
            log.info("oscars.org sandbox serving {} ceremonies ({} to {}) at {}", nominations.years().size(),
                    nominations.years().get(0), nominations.years().get(nominations.years().size() - 1),
                    sandbox.baseUrl());
            return sandbox;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the oscars.org sandbox", e);
        }
    }

    /** {@code http://127.0.0.1:<port>}: ceremony pages are {@code {baseUrl}/oscars/ceremonies/{year}}. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public OscarsNominations nominations() {
        return nominations;
    }

    /** From now on the year's page answers {@code status} with {@code html}, until {@link #restorePage}. */
    public void replacePage(int year, int status, String html) {
        replaced.put(year, new SandboxResponse(status, html.getBytes(StandardCharsets.UTF_8))
                .withHeader("Content-Type", HTML));
    }

    public void restorePage(int year) {
        replaced.remove(year);
    }

    public long requestCount() {
        return adapter.requestCount();
    }

    private SandboxResponse ceremony(SandboxRequest request) {
        Matcher path = CEREMONY.matcher(request.path());
        if (!path.matches()) {
            return notFound();
        }
        int year = Integer.parseInt(path.group(1));
        SandboxResponse replacement = replaced.get(year);
        if (replacement != null) {
            return replacement;
        }
        return nominations.ceremony(year)
                .map(categories -> new SandboxResponse(200, CeremonyPageWriter.write(year,
                        year - OscarsNominations.FIRST_CEREMONY_YEAR_OFFSET, categories)
                        .getBytes(StandardCharsets.UTF_8)).withHeader("Content-Type", HTML))
                .orElseGet(OscarsSandboxServer::notFound);
    }

    private static SandboxResponse notFound() {
        return new SandboxResponse(404, "<!DOCTYPE html><html><head><title>Page not found | Oscars.org</title></head>"
                .concat("<body><h1>Page not found</h1></body></html>").getBytes(StandardCharsets.UTF_8))
                .withHeader("Content-Type", HTML);
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.stop(0);
            executor.shutdownNow();
        }
    }
}
