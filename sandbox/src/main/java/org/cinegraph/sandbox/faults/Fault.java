package org.cinegraph.sandbox.faults;

import org.cinegraph.sandbox.http.SandboxHandler;
import org.cinegraph.sandbox.http.SandboxRequest;
import org.cinegraph.sandbox.http.SandboxResponse;

/**
 * One of TMDb's misbehaviours, put in front of the endpoints: it answers in their place, alters their
 * answer, or passes the request on untouched.
 */
@FunctionalInterface
interface Fault {

    Fault NONE = (request, next) -> next.handle(request);

    /** @param next what answers when this fault lets the request through: further faults, then the endpoints */
    SandboxResponse answer(SandboxRequest request, SandboxHandler next);
}
