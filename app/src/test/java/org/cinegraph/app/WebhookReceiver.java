package org.cinegraph.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A webhook on a loopback port, as a Slack or Mattermost incoming webhook stands: it keeps every POST it gets, with the
 * header the alerts are sent with, and answers {@link #answer} (200 unless a test says otherwise).
 */
final class WebhookReceiver implements AutoCloseable {

    /** A path as secret as a Slack hook's: it must never show outside the webhook's own requests. */
    static final String PATH = "/hooks/T0SECRETPATH/B0SECRETPATH";
    static final String HEADER_NAME = "X-Alert-Token";
    static final String HEADER_VALUE = "alert-token-never-logged-42";

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final ObjectMapper json = new ObjectMapper();
    private volatile int answer = 200;
    private volatile int attempts;

    WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext(PATH, exchange -> {
            attempts++;
            JsonNode body = json.readTree(exchange.getRequestBody());
            int status = answer;
            if (status / 100 == 2) {
                received.add(new Received(body, exchange.getRequestHeaders().getFirst(HEADER_NAME)));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    /** The properties that send the application's alerts here, checked every 200 ms, retried quickly. */
    List<String> properties(String settle) {
        return List.of("cinegraph.alerts.webhook-url=http://127.0.0.1:" + server.getAddress().getPort() + PATH,
                "cinegraph.alerts.webhook-header=" + HEADER_NAME + ": " + HEADER_VALUE,
                "cinegraph.alerts.settle=" + settle,
                "cinegraph.alerts.check-interval=200ms",
                "cinegraph.alerts.retry.max-attempts=3",
                "cinegraph.alerts.retry.initial-backoff=50ms",
                "cinegraph.alerts.retry.max-backoff=100ms");
    }

    /** The alerts taken (answered 2xx), in the order they came. */
    List<Received> received() {
        return List.copyOf(received);
    }

    /** Every POST that came, taken or refused. */
    int attempts() {
        return attempts;
    }

    void answer(int status) {
        answer = status;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    record Received(JsonNode body, String header) {
    }
}
