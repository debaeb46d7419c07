package org.cinegraph.sandbox;

/** A JSON answer: every TMDb response, errors included, has a JSON body. */
record SandboxResponse(int status, byte[] body) {

    static SandboxResponse ok(byte[] body) {
        return new SandboxResponse(200, body);
    }
}
