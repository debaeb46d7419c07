package org.cinegraph.sandbox;

import org.cinegraph.sandbox.catalogue.SandboxCatalogue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;

/**
 * One sandbox for all the tests of a class, and a client for it: for tests that only read, which need not pay for
 * a server each.
 */
@TestInstance(Lifecycle.PER_CLASS)
public abstract class SharedSandboxTest {

    protected TmdbSandboxServer server;
    protected SandboxHttp http;

    /** The default catalogue of 2025 (2021 to 2025) unless a class needs another. */
    protected SandboxCatalogue catalogue() {
        return SandboxCatalogue.defaultCatalogue(2025);
    }

    @BeforeAll
    protected void startSandbox() {
        server = TmdbSandboxServer.start(catalogue());
        http = new SandboxHttp(server);
    }

    @AfterAll
    protected void stopSandbox() {
        server.close();
    }
}
