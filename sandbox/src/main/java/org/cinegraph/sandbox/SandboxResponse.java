package org.cinegraph.sandbox;

import java.util.HashMap;
import java.util.Map;

/**
 * A JSON answer: every TMDb response, errors included, has a JSON body; only the malformed-details fault
 * breaks that, on purpose. Headers beyond the content type are rare, such as a 429's {@code Retry-After}.
 */
record SandboxResponse(int status, byte[] body, Map<String, String> headers) {

    SandboxResponse {
        headers = Map.copyOf(headers);
    }

    SandboxResponse(int status, byte[] body) {
        this(status, body, Map.of());
    }

    static SandboxResponse ok(byte[] body) {
        return new SandboxResponse(200, body);
    }

    SandboxResponse withHeader(String name, String value) {
        Map<String, String> more = new HashMap<>(headers);
        more.put(name, value);
        return new SandboxResponse(status, body, more);
    }

    SandboxResponse withBody(byte[] otherBody) {
        return new SandboxResponse(status, otherBody, headers);
    }
}
