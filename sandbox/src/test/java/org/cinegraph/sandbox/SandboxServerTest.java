package org.cinegraph.sandbox;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A fresh sandbox over the default catalogue of 2025 (2021 to 2025) for each test, and a client for it. */
abstract class SandboxServerTest {

    static final int NEWEST_YEAR = 2025;

    TmdbSandboxServer server;
    SandboxHttp http;

    @BeforeEach
    void startSandbox() {
        server = TmdbSandboxServer.start(SandboxCatalogue.defaultCatalogue(NEWEST_YEAR));
        http = new SandboxHttp(server);
    }

    @AfterEach
    void stopSandbox() {
        server.close();
    }
}
