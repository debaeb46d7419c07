package org.cinegraph.sandbox.http;

import java.util.List;
import java.util.regex.Pattern;

/** Sends a request to the handler whose path pattern matches; TMDb's API is read-only, GET alone is served. */
public final class Router implements SandboxHandler {

    private final List<Route> routes;

    public Router(List<Route> routes) {
        this.routes = List.copyOf(routes);
    }

    @Override
    public SandboxResponse handle(SandboxRequest request) {
        for (Route route : routes) {
            if (route.path().matcher(request.path()).matches()) {
                return "GET".equals(request.method())
                        ? route.handler().handle(request)
                        : TmdbError.METHOD_NOT_ALLOWED.response();
            }
        }
        return TmdbError.NOT_FOUND.response();
    }

    public record Route(Pattern path, SandboxHandler handler) {

        public static Route of(String pathRegex, SandboxHandler handler) {
            return new Route(Pattern.compile(pathRegex), handler);
        }
    }
}
