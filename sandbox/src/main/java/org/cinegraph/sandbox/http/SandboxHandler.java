package org.cinegraph.sandbox.http;

/**
 * Answers one kind of sandbox request. Kept free of the JDK's HTTP types so that handlers can be
 * wrapped, for example by a layer that injects TMDb's failures, and tested without a socket.
 */
@FunctionalInterface
public interface SandboxHandler {

    SandboxResponse handle(SandboxRequest request);
}
