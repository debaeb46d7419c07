package org.cinegraph.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An admin's browser that once answered the server's login prompt sends those credentials with any page's request,
 * a hostile page's among them. Such a request, forged exactly as a security review sent one, changes nothing:
 * a browser's state-changing request needs the dashboard's CSRF token, and an admin action takes no content type it
 * does not document. A script such as {@code curl -u} (no Origin, Referer or Sec-Fetch-Site) needs no token.
 */
@ApplicationTest
class ForgedRequestsTest {

    private static final String HOSTILE = "https://evil.example";
    private static final String LIST = "Const,Title,Year\r\ntt15398776,Oppenheimer,2023\r\n";

    @LocalServerPort
    private int port;
    private final HttpClient client = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void theForgedListUploadOfTheFindingIsRefusedAndRecordsNoList() throws Exception {
        HttpResponse<String> forged = send(post("/api/admin/lists/forged", LIST)
                .header("Authorization", admin())
                .header("Origin", HOSTILE)
                .header("Content-Type", "text/plain"));

        assertProblem(forged, 403);
        assertThat(json.readTree(forged.body()).get("title").asText()).isEqualTo("Request not from the dashboard");
        assertThat(send(get("/api/lists/forged")).statusCode()).as("no list recorded").isEqualTo(404);
    }

    /** Every admin action, sent as another site's page can send it: a form's body and its credentials. */
    @ParameterizedTest
    @ValueSource(strings = {
            "/api/admin/imports/years/1951",
            "/api/admin/imports/next",
            "/api/admin/imports/priority",
            "/api/admin/tmdb-total/refresh",
            "/api/admin/sync/changes",
            "/api/admin/festivals/AMPAS/ceremonies/1951/import",
            "/api/admin/festivals/AMPAS/ceremonies/import?from=1951&to=1952",
            "/api/admin/failures/retry",
            "/api/admin/projections/replay",
            "/api/admin/projections/movies/replay",
            "/api/admin/projections/movies/dead-letters/retry",
            "/api/admin/lists/forged"
    })
    void everyAdminActionAFormOfAnotherSiteSendsIsRefused(String path) throws Exception {
        List<Map<String, String>> browsers = List.of(
                Map.of("Origin", HOSTILE, "Content-Type", "application/x-www-form-urlencoded"),
                Map.of("Origin", "null", "Content-Type", "text/plain"),
                Map.of("Sec-Fetch-Site", "cross-site", "Content-Type", "multipart/form-data; boundary=x"),
                Map.of("Referer", HOSTILE + "/page", "Content-Type", "text/csv"),
                Map.of("Origin", HOSTILE));
        for (Map<String, String> headers : browsers) {
            HttpRequest.Builder request = post(path, "a=1").header("Authorization", admin());
            headers.forEach(request::header);
            assertProblem(send(request), 403);
        }
        assertThat(send(get("/api/import/years/1951")).statusCode()).as("no year started").isEqualTo(404);
        assertThat(send(get("/api/festivals/AMPAS/ceremonies/1951")).statusCode()).as("no ceremony").isEqualTo(404);
        assertThat(send(get("/api/lists/forged")).statusCode()).as("no list").isEqualTo(404);
    }

    /** Priority years forged as a page of another site can send them, in the body the action takes: none is set. */
    @Test
    void forgedPriorityYearsAreRefusedAndSetNone() throws Exception {
        for (String type : List.of("text/plain", "application/json")) {
            HttpResponse<String> forged = send(post("/api/admin/imports/priority", "{\"years\": [1951]}")
                    .header("Authorization", admin())
                    .header("Origin", HOSTILE)
                    .header("Content-Type", type));
            assertProblem(forged, 403);
        }
        assertThat(json.readTree(send(get("/api/schedule")).body()).get("priorityYears")).as("no priority").isEmpty();
    }

    @Test
    void theDashboardsOwnRequestWithItsTokenIsAccepted() throws Exception {
        HttpResponse<String> session = send(get("/api/admin/session").header("Authorization", admin()));
        assertThat(session.statusCode()).isEqualTo(200);
        JsonNode csrf = json.readTree(session.body()).get("csrf");
        String cookie = session.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith("XSRF-TOKEN=").contains("HttpOnly").contains("SameSite=Strict");

        HttpRequest.Builder dashboard = post("/api/admin/tmdb-total/refresh", null)
                .header("Authorization", admin())
                .header("Origin", "http://localhost:" + port)
                .header("Sec-Fetch-Site", "same-origin")
                .header("Cookie", cookie.substring(0, cookie.indexOf(';')));
        HttpResponse<String> withoutToken = send(dashboard.copy());
        HttpResponse<String> withToken = send(dashboard.header(csrf.get("header").asText(), csrf.get("token").asText()));

        assertProblem(withoutToken, 403);
        assertThat(withToken.statusCode()).isEqualTo(202);
    }

    @Test
    void aTokenWithoutItsCookieIsRefused() throws Exception {
        JsonNode csrf = json.readTree(send(get("/api/admin/session").header("Authorization", admin())).body())
                .get("csrf");

        HttpResponse<String> answer = send(post("/api/admin/tmdb-total/refresh", null)
                .header("Authorization", admin())
                .header("Origin", HOSTILE)
                .header(csrf.get("header").asText(), csrf.get("token").asText()));

        assertProblem(answer, 403);
    }

    /**
     * A page of the same site on another port can plant the token's cookie with a value it chose, and so knows a token
     * that matches it. It still cannot send that token: not as a {@code _csrf} parameter (the token counts only in its
     * header), and not in the header either, which it cannot add to a cross-origin request without this server's
     * leave; and a request its browser marks as from another origin is refused whatever it carries.
     */
    @Test
    void aPlantedCookieWithItsTokenInTheUrlOrFromAnotherOriginIsRefused() throws Exception {
        String planted = "attacker-chosen-token";
        String masked = mask(planted);
        HttpResponse<String> inTheUrl = send(post("/api/admin/tmdb-total/refresh?_csrf=" + masked, null)
                .header("Authorization", admin())
                .header("Origin", "http://localhost:9999")
                .header("Cookie", "XSRF-TOKEN=" + planted));
        HttpResponse<String> sameSite = send(post("/api/admin/tmdb-total/refresh", null)
                .header("Authorization", admin())
                .header("Origin", "http://localhost:9999")
                .header("Sec-Fetch-Site", "same-site")
                .header("Cookie", "XSRF-TOKEN=" + planted)
                .header("X-XSRF-TOKEN", masked));
        HttpResponse<String> sameOrigin = send(post("/api/admin/tmdb-total/refresh", null)
                .header("Authorization", admin())
                .header("Origin", "http://localhost:" + port)
                .header("Sec-Fetch-Site", "same-origin")
                .header("Cookie", "XSRF-TOKEN=" + planted)
                .header("X-XSRF-TOKEN", masked));

        assertProblem(inTheUrl, 403);
        assertProblem(sameSite, 403);
        assertThat(sameOrigin.statusCode()).as("the same token from the dashboard's own origin").isEqualTo(202);
    }

    @Test
    void aScriptSendsNoTokenButOnlyTheContentTypesAnActionDocuments() throws Exception {
        assertThat(send(post("/api/admin/tmdb-total/refresh", null).header("Authorization", admin())).statusCode())
                .as("curl -u ... -X POST").isEqualTo(202);

        HttpResponse<String> formBody = send(post("/api/admin/tmdb-total/refresh", "a=1")
                .header("Authorization", admin()).header("Content-Type", "application/x-www-form-urlencoded"));
        HttpResponse<String> plainList = send(post("/api/admin/lists/plain", LIST)
                .header("Authorization", admin()).header("Content-Type", "text/plain"));

        assertProblem(formBody, 415);
        assertProblem(plainList, 415);
        assertThat(send(get("/api/lists/plain")).statusCode()).as("no list recorded").isEqualTo(404);
    }

    @Test
    void theUserNameIsMatchedExactly() throws Exception {
        for (String user : List.of("ADMIN", "Admin", "admin ")) {
            HttpResponse<String> answer = send(get("/api/admin/session").header("Authorization",
                    basic(user, ApplicationTest.ADMIN_PASSWORD)));
            assertProblem(answer, 401);
        }
    }

    @Test
    void everyAnswerCarriesAStrictContentSecurityPolicyNoReferrerAndNoPermissions() throws Exception {
        for (String path : List.of("/", "/dashboard.js", "/api/import/state", "/api/nowhere", "/api/movies?q=%00",
                "/api/movies/1%2F2", "/api/movies?q=%C3%28")) {
            HttpResponse<String> answer = send(get(path));
            assertThat(answer.headers().firstValue("Content-Security-Policy")).as(path)
                    .hasValueSatisfying(csp -> assertThat(csp)
                            .contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'")
                            .doesNotContain("unsafe-inline", "unsafe-eval", "*"));
            assertThat(answer.headers().firstValue("Referrer-Policy")).as(path).hasValue("no-referrer");
            assertThat(answer.headers().firstValue("Permissions-Policy")).as(path)
                    .hasValueSatisfying(policy -> assertThat(policy).contains("camera=()", "geolocation=()"));
            assertThat(answer.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
        }
    }

    /** A token as the dashboard receives it: random bytes, then the token's bytes XOR those (BREACH protection). */
    private static String mask(String token) {
        byte[] bytes = token.getBytes(StandardCharsets.UTF_8);
        byte[] random = new byte[bytes.length];
        new SecureRandom().nextBytes(random);
        byte[] masked = new byte[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            masked[i] = random[i];
            masked[bytes.length + i] = (byte) (random[i] ^ bytes[i]);
        }
        return Base64.getUrlEncoder().encodeToString(masked);
    }

    private static void assertProblem(HttpResponse<String> answer, int status) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(uri(path)).GET();
    }

    private HttpRequest.Builder post(String path, String body) {
        return HttpRequest.newBuilder(uri(path)).POST(body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String admin() {
        return basic("admin", ApplicationTest.ADMIN_PASSWORD);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
