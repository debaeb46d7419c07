package org.cinegraph.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Base64;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTPS as README configures it: {@code server.ssl.*} with a PKCS#12 keystore (here a self-signed certificate for
 * localhost, made with keytool for this test only). Reads, the admin's actions and the browser's protections work
 * over it; HSTS tells browsers to keep to it, and the CSRF cookie is {@code Secure}.
 */
class HttpsTest {

    private static final String KEYSTORE_PASSWORD = "test-keystore-password";

    @TempDir
    Path dataDir;

    @Test
    void theApplicationServesHttpsWithAPkcs12Keystore() throws Exception {
        try (RunningApp app = RunningApp.start("cinegraph.data-dir=" + dataDir,
                "server.ssl.enabled=true",
                "server.ssl.key-store=classpath:tls/localhost.p12",
                "server.ssl.key-store-type=PKCS12",
                "server.ssl.key-store-password=" + KEYSTORE_PASSWORD)) {
            HttpClient client = HttpClient.newBuilder().sslContext(trustingTheTestCertificate()).build();
            String base = "https://localhost:" + app.context().getEnvironment().getProperty("local.server.port");
            String admin = "Basic " + Base64.getEncoder().encodeToString(
                    ("admin:" + RunningApp.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));

            HttpResponse<String> state = client.send(HttpRequest.newBuilder(URI.create(base + "/api/import/state"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> session = client.send(HttpRequest.newBuilder(URI.create(base + "/api/admin/session"))
                    .header("Authorization", admin).build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> action = client.send(HttpRequest.newBuilder(
                            URI.create(base + "/api/admin/tmdb-total/refresh"))
                    .header("Authorization", admin).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(state.statusCode()).isEqualTo(200);
            assertThat(state.sslSession()).isPresent();
            assertThat(state.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(
                    hsts -> assertThat(hsts).contains("max-age="));
            assertThat(session.statusCode()).isEqualTo(200);
            assertThat(session.headers().firstValue("Set-Cookie")).hasValueSatisfying(
                    cookie -> assertThat(cookie).startsWith("XSRF-TOKEN=").contains("Secure"));
            assertThat(action.statusCode()).isEqualTo(202);
        }
    }

    private static SSLContext trustingTheTestCertificate() throws Exception {
        KeyStore keystore = KeyStore.getInstance("PKCS12");
        try (InputStream in = HttpsTest.class.getResourceAsStream("/tls/localhost.p12")) {
            keystore.load(in, KEYSTORE_PASSWORD.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(keystore);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
