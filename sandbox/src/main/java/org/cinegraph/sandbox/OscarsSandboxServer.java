package org.cinegraph.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;

import org.cinegraph.sandbox.http.LoopbackServer;
import org.cinegraph.sandbox.http.Router;
import org.cinegraph.sandbox.http.Router.Route;
import org.cinegraph.sandbox.oscars.CeremonyPages;
import org.cinegraph.sandbox.oscars.OscarsNominations;
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
    private static final int THREADS = 4;
    private static final int BACKLOG = 16;

    private final OscarsNominations nominations;
    private final CeremonyPages pages;
    private final LoopbackServer server;

    private OscarsSandboxServer(OscarsNominations nominations, CeremonyPages pages, LoopbackServer server) {
        this.nominations = nominations;
        this.pages = pages;
        this.server = server;
    }

    public static OscarsSandboxServer start(OscarsNominations nominations) {
        CeremonyPages pages = new CeremonyPages(nominations);
        try {
            LoopbackServer server = LoopbackServer.start("oscars-sandbox-", THREADS, BACKLOG,
                    new Router(List.of(Route.of(CeremonyPages.PATH, pages))));
            OscarsSandboxServer sandbox = new OscarsSandboxServer(nominations, pages, server);
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
        return server.baseUrl();
    }

    public OscarsNominations nominations() {
        return nominations;
    }

    /** From now on the year's page answers {@code status} with {@code html}, until {@link #restorePage}. */
    public void replacePage(int year, int status, String html) {
        pages.replace(year, status, html);
    }

    public void restorePage(int year) {
        pages.restore(year);
    }

    public long requestCount() {
        return server.requestCount();
    }

    @Override
    public void close() {
        server.close();
    }
}
