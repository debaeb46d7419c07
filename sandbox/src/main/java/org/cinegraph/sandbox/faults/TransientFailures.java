package org.cinegraph.sandbox.faults;

import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.cinegraph.sandbox.http.SandboxHandler;
import org.cinegraph.sandbox.http.SandboxRequest;
import org.cinegraph.sandbox.http.SandboxResponse;
import org.cinegraph.sandbox.http.TmdbError;

/**
 * Fails the first attempts at each distinct request, then lets it through: what a client retrying with
 * backoff must ride out. Requests are told apart by path and parameters, whatever the parameters' order.
 * Every distinct request is remembered until the fault is switched off or set again.
 */
final class TransientFailures implements Fault {

    private final int attempts;
    private final SandboxResponse failure;
    private final ConcurrentMap<String, AtomicInteger> failedSoFar = new ConcurrentHashMap<>();

    TransientFailures(int attempts, int status) {
        this.attempts = attempts;
        this.failure = TmdbError.failure(status);
    }

    @Override
    public SandboxResponse answer(SandboxRequest request, SandboxHandler next) {
        String target = request.path() + new TreeMap<>(request.parameters());
        int failed = failedSoFar.computeIfAbsent(target, any -> new AtomicInteger())
                .getAndUpdate(count -> count < attempts ? count + 1 : count);
        return failed < attempts ? failure : next.handle(request);
    }
}
