package org.cinegraph.sandbox.http;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a handler may know of a request: method, path, query parameters and the bearer token of its
 * {@code Authorization} header, which the credentials fault checks. Other headers stay out, because
 * nothing the sandbox answers depends on them.
 *
 * @param bearerToken null when the request carries none
 */
public record SandboxRequest(String method, String path, Map<String, String> parameters, String bearerToken) {

    private static final Pattern BEARER = Pattern.compile("Bearer\\s+(\\S+)\\s*", Pattern.CASE_INSENSITIVE);

    public SandboxRequest {
        parameters = Map.copyOf(parameters);
    }

    /**
     * @param authorization the {@code Authorization} header, null when absent
     * @throws IllegalArgumentException when the query holds a malformed percent-escape
     */
    static SandboxRequest of(String method, URI uri, String authorization) {
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
        return new SandboxRequest(method, uri.getPath(), parameters, bearerToken(authorization));
    }

    public Optional<String> parameter(String name) {
        return Optional.ofNullable(parameters.get(name));
    }

    public String lastPathSegment() {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** Leaves out the parameters and the token: the {@code api_key} parameter and the token are credentials. */
    @Override
    public String toString() {
        return method + " " + path;
    }

    private static String bearerToken(String authorization) {
        if (authorization == null) {
            return null;
        }
        Matcher bearer = BEARER.matcher(authorization);
        return bearer.matches() ? bearer.group(1) : null;
    }

    private static String decode(String raw) {
        return URLDecoder.decode(raw, StandardCharsets.UTF_8);
    }
}
