package org.cinegraph.sandbox;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a handler may know of a request: method, path and query parameters. Headers stay out, because
 * nothing the sandbox answers depends on them and they may carry credentials.
 */
record SandboxRequest(String method, String path, Map<String, String> parameters) {

    SandboxRequest {
        parameters = Map.copyOf(parameters);
    }

    /**
     * @throws IllegalArgumentException when the query holds a malformed percent-escape
     */
    static SandboxRequest of(String method, URI uri) {
        Map<String, String> parameters = new HashMap<>();
        String query = uri.getRawQuery();
        if (query != null && !query.isEmpty()) {
            for (String pair : query.split("&")) {
                int equals = pair.indexOf('=');
                String name = decode(equals < 0 ? pair : pair.substring(0, equals));
                String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
                // TMDb reads the first of repeated parameters.
                parameters.putIfAbsent(name, value);
            }
        }
        return new SandboxRequest(method, uri.getPath(), parameters);
    }

    Optional<String> parameter(String name) {
        return Optional.ofNullable(parameters.get(name));
    }

    String lastPathSegment() {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static String decode(String raw) {
        return URLDecoder.decode(raw, StandardCharsets.UTF_8);
    }
}
