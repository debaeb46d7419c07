package org.cinegraph.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Malformed and hostile request paths, sent byte for byte over a socket because an HTTP client would
 * normalise or refuse them: every answer is a problem detail, never HTML, a stack trace or a 500.
 */
@ApplicationTest
class HostileRequestsTest {

    @LocalServerPort
    private int port;

    @ParameterizedTest
    @ValueSource(strings = {
            "/api/import//years",
            "/api/import/years/2025;x=1",
            "/api/%2e%2e/import/state",
            "/api/import/years/%",
            "/api/import/years/%zz",
            "/api/import/years/..%2f..%2fetc%2fpasswd",
            "/api/import/years/-1",
            "/api/import/years/2024.5",
            "/api/admin/imports/years/%00"
    })
    void malformedPathsAnswerProblemDetails(String path) throws IOException {
        String response = rawGet(path);

        assertThat(response).startsWith("HTTP/1.1 4");
        assertThat(response).containsIgnoringCase("Content-Type: application/problem+json");
        assertThat(response).doesNotContainIgnoringCase("<html").doesNotContain("Exception").doesNotContain("Tomcat");
    }

    private String rawGet(String path) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            in.transferTo(response);
            return response.toString(StandardCharsets.UTF_8);
        }
    }
}
