package org.cinegraph.sandbox;

import org.cinegraph.sandbox.catalogue.SandboxCatalogue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A fresh sandbox over the default catalogue of 2025 (2021 to 2025) for each test, and a client for it. */
public abstract class SandboxServerTest {

    protected TmdbSandboxServer server;
    protected SandboxHttp http;

    @BeforeEach
    protected void startSandbox() {
        server = TmdbSandboxServer.start(SandboxCatalogue.defaultCatalogue(2025));
        http = new SandboxHttp(server);
    }

    @AfterEach
    protected void stopSandbox() {
        server.close();
    }
}
