package org.cinegraph.sandbox.faults;

import java.util.List;

import org.cinegraph.sandbox.http.SandboxHandler;
import org.cinegraph.sandbox.http.SandboxRequest;
import org.cinegraph.sandbox.http.SandboxResponse;

/**
 * Puts the faults switched on in {@link SandboxFaults} in front of the endpoints, so that no endpoint
 * needs to know about them. Each request reads the switches once, on arrival.
 */
public final class FaultLayer implements SandboxHandler {

    private final SandboxFaults faults;
    private final SandboxHandler endpoints;

    public FaultLayer(SandboxFaults faults, SandboxHandler endpoints) {
        this.faults = faults;
        this.endpoints = endpoints;
    }

    @Override
    public SandboxResponse handle(SandboxRequest request) {
        return through(faults.inOrder(request), 0, request);
    }

    private SandboxResponse through(List<Fault> faults, int position, SandboxRequest request) {
        if (position == faults.size()) {
            return endpoints.handle(request);
        }
        return faults.get(position).answer(request, next -> through(faults, position + 1, next));
    }
}
