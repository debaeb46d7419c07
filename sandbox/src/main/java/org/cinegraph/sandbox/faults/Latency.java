package org.cinegraph.sandbox.faults;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.cinegraph.sandbox.http.SandboxHandler;
import org.cinegraph.sandbox.http.SandboxRequest;
import org.cinegraph.sandbox.http.SandboxResponse;

/**
 * Sends every answer late by a fixed delay, as over a slow network, or late enough to trip a client's read
 * timeout. The answer is made first, so the request counts for the other faults when it arrives.
 */
final class Latency implements Fault {

    private final long delayNanos;

    Latency(Duration delay) {
        this.delayNanos = delay.toNanos();
    }

    @Override
    public SandboxResponse answer(SandboxRequest request, SandboxHandler next) {
        SandboxResponse answer = next.handle(request);
        try {
            TimeUnit.NANOSECONDS.sleep(delayNanos);
        } catch (InterruptedException stopping) {
            // Only the server's shutdown interrupts a handler, and then the answer has nowhere to go anyway.
            Thread.currentThread().interrupt();
        }
        return answer;
    }
}
