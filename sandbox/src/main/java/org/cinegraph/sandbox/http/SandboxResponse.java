package org.cinegraph.sandbox.http;

import java.util.HashMap;
import java.util.Map;

/**
 * A JSON answer: every TMDb response, errors included, has a JSON body; only the malformed-details fault
 * breaks that, on purpose. Headers beyond the content type are rare, such as a 429's {@code Retry-After}.
 */
public record SandboxResponse(int status, byte[] body, Map<String, String> headers) {

    public SandboxResponse {
        headers = Map.copyOf(headers);
    }

    public SandboxResponse(int status, byte[] body) {
        this(status, body, Map.of());
    }

    public static SandboxResponse ok(byte[] body) {
        return new SandboxResponse(200, body);
    }

    public SandboxResponse withHeader(String name, String value) {
        Map<String, String> more = new HashMap<>(headers);
        more.put(name, value);
        return new SandboxResponse(status, body, more);
    }

    public SandboxResponse withBody(byte[] otherBody) {
        return new SandboxResponse(status, otherBody, headers);
    }
}
