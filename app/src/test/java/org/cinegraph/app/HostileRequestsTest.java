package org.cinegraph.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Malformed and hostile request paths, sent byte for byte over a socket because an HTTP client would
 * normalise or refuse them: every answer is a problem detail, never HTML, a stack trace or a 500.
 */
@ApplicationTest
@ExtendWith(OutputCaptureExtension.class)
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

    /**
     * A client that goes away halfway through its upload is no error of the server's: one line at DEBUG, no stack
     * trace, nothing at ERROR.
     */
    @Test
    void anUploadCutShortIsLoggedAtDebugWithoutAStackTrace(CapturedOutput output) throws IOException {
        String logger = "org.cinegraph.app.web.ProblemDetailsAdvice";
        LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
        logging.setLogLevel(logger, LogLevel.DEBUG);
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            String credentials = Base64.getEncoder().encodeToString(
                    ("admin:" + ApplicationTest.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/admin/lists/cut-short HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic "
                    + credentials + "\r\nContent-Type: text/csv\r\nContent-Length: 1000000\r\n\r\n"
                    + "Const,Title,Year\r\n" + "tt0000001,A,1950\r\n".repeat(1000)).getBytes(StandardCharsets.UTF_8));
            out.flush();
            // Closed here, 970 KB short of the length it announced.
        } finally {
            await().atMost(Duration.ofSeconds(20)).until(() -> output.getAll()
                    .contains("The client went away before its request was answered"));
            logging.setLogLevel(logger, null);
        }
        String log = output.getAll();
        assertThat(log).doesNotContain(" ERROR ").doesNotContain("\tat org.apache");
        assertThat(rawGet("/api/lists/cut-short")).as("nothing recorded").startsWith("HTTP/1.1 404");
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
