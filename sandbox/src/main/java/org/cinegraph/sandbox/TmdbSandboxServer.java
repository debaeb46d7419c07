package org.cinegraph.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;

import org.cinegraph.sandbox.catalogue.SandboxCatalogue;
import org.cinegraph.sandbox.faults.FaultLayer;
import org.cinegraph.sandbox.faults.SandboxFaults;
import org.cinegraph.sandbox.http.LoopbackServer;
import org.cinegraph.sandbox.tmdb.DeletionsDuringDiscovery;
import org.cinegraph.sandbox.tmdb.ExportEdits;
import org.cinegraph.sandbox.tmdb.ExportPath;
import org.cinegraph.sandbox.tmdb.PopularityDrift;
import org.cinegraph.sandbox.tmdb.SandboxChanges;
import org.cinegraph.sandbox.tmdb.SandboxExports;
import org.cinegraph.sandbox.tmdb.TmdbRoutes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-process HTTP server that answers like TMDb API v3 over a {@link SandboxCatalogue}. It listens on
 * a free loopback port only and serves {@code /discover/movie}, {@code /movie/{id}}, {@code /movie/changes},
 * {@code /find/{imdb_id}}, {@code /search/movie} and {@code /configuration} under {@link #baseUrl()}; find and
 * search also know the films nominated for an Academy Award. Beside the API it serves TMDb's daily ID exports,
 * {@code movie_ids_MM_DD_YYYY.json.gz} under {@link #exportsBaseUrl()} (see {@link SandboxExports}). It accepts
 * requests with or without credentials and answers them all, until {@link #faults()} makes it misbehave the way
 * TMDb can.
 */
public final class TmdbSandboxServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TmdbSandboxServer.class);
    private static final int THREADS = 16;
    private static final int BACKLOG = 64;

    private final SandboxCatalogue catalogue;
    private final LoopbackServer server;
    private final SandboxFaults faults;
    private final SandboxChanges changes;
    private final SandboxExports exports;
    private final URI baseUrl;

    private TmdbSandboxServer(SandboxCatalogue catalogue, LoopbackServer server, SandboxFaults faults,
                              SandboxChanges changes, SandboxExports exports) {
        this.catalogue = catalogue;
        this.server = server;
        this.faults = faults;
        this.changes = changes;
        this.exports = exports;
        this.baseUrl = URI.create(server.baseUrl() + "/3");
    }

    public static TmdbSandboxServer start(SandboxCatalogue catalogue) {
        return start(catalogue, Clock.systemUTC());
    }

    /** @param clock tells the days of the change feed and of the exports, in UTC */
    public static TmdbSandboxServer start(SandboxCatalogue catalogue, Clock clock) {
        PopularityDrift drift = new PopularityDrift();
        DeletionsDuringDiscovery deletions = new DeletionsDuringDiscovery();
        ExportEdits exportEdits = new ExportEdits();
        SandboxFaults faults = new SandboxFaults(drift, deletions, exportEdits);
        SandboxChanges changes = new SandboxChanges(catalogue.seed(), clock);
        SandboxExports exports = new SandboxExports(catalogue, clock, exportEdits);
        FaultLayer endpoints = new FaultLayer(faults, TmdbRoutes.over(catalogue, drift, deletions, changes, exports));
        try {
            LoopbackServer server = LoopbackServer.start("tmdb-sandbox-", THREADS, BACKLOG, endpoints);
            TmdbSandboxServer sandbox = new TmdbSandboxServer(catalogue, server, faults, changes, exports);
            log.info("TMDb sandbox serving {} movies in years {} at {}, daily ID exports at {}",
                    catalogue.totalMovies(), catalogue.years(), sandbox.baseUrl(), sandbox.exportsBaseUrl());
            return sandbox;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the TMDb sandbox", e);
        }
    }

    /** {@code http://127.0.0.1:<port>/3}, without a trailing slash; clients append {@code /discover/movie}. */
    public URI baseUrl() {
        return baseUrl;
    }

    /**
     * {@code http://127.0.0.1:<port>/p/exports}, without a trailing slash, for {@code cinegraph.tmdb.exports-base-url};
     * clients append {@code /movie_ids_MM_DD_YYYY.json.gz}. No credentials are needed there.
     */
    public URI exportsBaseUrl() {
        return URI.create(server.baseUrl() + ExportPath.ROOT);
    }

    /** The daily ID exports: which days are served, the removal day, what each day's file lists. */
    public SandboxExports exports() {
        return exports;
    }

    public int port() {
        return server.port();
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
        return server.requestCount();
    }

    @Override
    public void close() {
        server.close();
    }
}
