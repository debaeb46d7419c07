package org.cinegraph.sandbox.http;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bridges the JDK's HTTP server to the sandbox handlers and counts the requests served. It never logs a
 * query string or a header: clients send their TMDb credentials in them.
 */
final class ExchangeAdapter implements HttpHandler {

    private static final Logger log = LoggerFactory.getLogger(ExchangeAdapter.class);
    private static final String JSON = "application/json;charset=utf-8";

    private final SandboxHandler handler;
    private final AtomicLong requests = new AtomicLong();

    ExchangeAdapter(SandboxHandler handler) {
        this.handler = handler;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        try {
            SandboxResponse response = answer(exchange);
            exchange.getResponseHeaders().set("Content-Type", JSON);
            response.headers().forEach(exchange.getResponseHeaders()::set);
            // The JDK reads a length of 0 as "chunked"; -1 is how it spells an empty body.
            int length = response.body().length;
            exchange.sendResponseHeaders(response.status(), length == 0 ? -1 : length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(response.body());
            }
        } finally {
            exchange.close();
        }
    }

    long requestCount() {
        return requests.get();
    }

    private SandboxResponse answer(HttpExchange exchange) {
        SandboxRequest request;
        try {
            request = SandboxRequest.of(exchange.getRequestMethod(), exchange.getRequestURI(),
                    exchange.getRequestHeaders().getFirst("Authorization"));
        } catch (IllegalArgumentException malformedQuery) {
            return TmdbError.INVALID_PARAMETERS.response();
        }
        try {
            return handler.handle(request);
        } catch (RuntimeException e) {
            log.error("TMDb sandbox failed to answer {} {}", request.method(), request.path(), e);
            return TmdbError.INTERNAL_ERROR.response();
        }
    }
}
