package org.cinegraph.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Guessing the admin's password costs the guesser: after a few failures within a minute, an address is answered 429
 * with {@code Retry-After} before any password is checked, while another address, the admin's, is let in. The
 * application runs as README's reverse-proxy recipe has it ({@code server.forward-headers-strategy=native}), so that
 * the proxy's {@code X-Forwarded-For} tells clients apart; its own locked-out address would lock out everyone.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoginThrottleTest {

    private static final String ATTACKER = "203.0.113.66";
    private static final String ADMINS_OWN = "198.51.100.7";
    private static final String ANOTHER = "192.0.2.44";

    /** Static: one application for the class, started before any test instance field could be filled. */
    @TempDir
    static Path dataDir;
    private RunningApp app;
    private final HttpClient client = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    void start() {
        // Five failures per ten minutes rather than per minute: the same rule, with no attempt earned back while the
        // test sends its 201 on a slow machine.
        app = RunningApp.start("cinegraph.data-dir=" + dataDir, "server.forward-headers-strategy=native",
                "cinegraph.admin.login-throttle.period=10m");
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void theTwoHundredAndFirstWrongPasswordIsRefusedWithoutAPasswordCheckWhileTheAdminGetsIn(CapturedOutput output)
            throws Exception {
        double failures = counter("cinegraph.admin.login.failures");
        double refused = counter("cinegraph.admin.login.refused");
        double lockouts = counter("cinegraph.admin.login.lockouts");
        int first429 = 0;
        HttpResponse<String> last = null;
        for (int attempt = 1; attempt <= 201; attempt++) {
            last = session(ATTACKER, "guess-" + attempt);
            if (last.statusCode() == 429 && first429 == 0) {
                first429 = attempt;
            }
            assertThat(last.statusCode()).as("attempt %d", attempt).isIn(401, 429);
        }
        assertThat(first429).as("refused after the five failures allowed").isEqualTo(6);
        assertThat(last.statusCode()).isEqualTo(429);
        assertThat(last.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        long retryAfter = Long.parseLong(last.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).as("one attempt earned back every 10 minutes / 5").isBetween(100L, 120L);
        assertThat(session(ATTACKER, RunningApp.ADMIN_PASSWORD).statusCode())
                .as("while locked out, not even the right password is checked").isEqualTo(429);

        assertThat(session(ADMINS_OWN, RunningApp.ADMIN_PASSWORD).statusCode())
                .as("the admin's own address is not locked out by another's failures").isEqualTo(200);
        assertThat(counter("cinegraph.admin.login.failures") - failures).as("passwords checked and refused: 5 of 202")
                .isEqualTo(5);
        assertThat(counter("cinegraph.admin.login.refused") - refused).as("refused unchecked").isEqualTo(197);
        assertThat(counter("cinegraph.admin.login.lockouts") - lockouts).isEqualTo(1);

        String log = output.getAll();
        assertThat(Pattern.compile("Failed admin login from " + Pattern.quote(ATTACKER)).matcher(log).results()
                .count()).as("each failure logged once").isEqualTo(5);
        assertThat(Pattern.compile("Admin logins from " + Pattern.quote(ATTACKER) + " locked out").matcher(log)
                .results().count()).as("the lockout logged once").isEqualTo(1);
        assertThat(log).doesNotContain("guess-");
    }

    /** Spring reads more spellings of the header than {@code "Basic "}: a locked-out client gets through with none. */
    @Test
    void noSpellingOfTheHeaderGetsALockedOutClientChecked() throws Exception {
        String guesser = "203.0.113.67";
        for (int attempt = 0; attempt < 5; attempt++) {
            assertThat(session(guesser, "guess").statusCode()).isEqualTo(401);
        }
        String right = Base64.getEncoder().encodeToString(
                ("admin:" + RunningApp.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        for (String spelling : List.of("Basic ", "basic ", "BASIC ", "Basic,", "Basic\t", "Basic:", "BasicX", "  Basic ",
                "Bearer ")) {
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(uri("/api/admin/session"))
                            .header("X-Forwarded-For", guesser)
                            .header("Authorization", spelling + right).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as("'%s'", spelling).isEqualTo(429);
        }
    }

    /** Guesses sent all at once cannot all pass the check before the first of them fails. */
    @Test
    void parallelGuessesGetNoMoreChecksThanSequentialOnes() throws Exception {
        String guesser = "203.0.113.68";
        ExecutorService senders = Executors.newFixedThreadPool(50);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int guess = 0; guess < 100; guess++) {
                String password = "parallel-" + guess;
                answers.add(senders.submit(() -> session(guesser, password).statusCode()));
            }
            int checked = 0;
            for (Future<Integer> answer : answers) {
                int status = answer.get();
                assertThat(status).isIn(401, 429);
                checked += status == 401 ? 1 : 0;
            }
            assertThat(checked).as("passwords checked of 100 sent at once").isEqualTo(5);
        } finally {
            senders.shutdownNow();
        }
    }

    /** Credentials proven right once are not held to the attempts: a script's parallel requests all get in. */
    @Test
    void parallelRequestsWithProvenCredentialsAreNotThrottled() throws Exception {
        String script = "198.51.100.9";
        assertThat(session(script, RunningApp.ADMIN_PASSWORD).statusCode()).isEqualTo(200);
        ExecutorService senders = Executors.newFixedThreadPool(20);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int request = 0; request < 40; request++) {
                answers.add(senders.submit(() -> session(script, RunningApp.ADMIN_PASSWORD).statusCode()));
            }
            for (Future<Integer> answer : answers) {
                assertThat(answer.get()).isEqualTo(200);
            }
        } finally {
            senders.shutdownNow();
        }
    }

    @Test
    void aProxysForwardedHttpsGetsStrictTransportSecurity() throws Exception {
        HttpResponse<String> answer = client.send(HttpRequest.newBuilder(uri("/api/import/state"))
                .header("X-Forwarded-For", ANOTHER).header("X-Forwarded-Proto", "https").build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Strict-Transport-Security")).isPresent();
    }

    private HttpResponse<String> session(String from, String password) throws Exception {
        return client.send(HttpRequest.newBuilder(uri("/api/admin/session"))
                        .header("X-Forwarded-For", from)
                        .header("Authorization", basic(password)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private double counter(String name) throws Exception {
        HttpResponse<String> answer = client.send(HttpRequest.newBuilder(uri("/actuator/metrics/" + name))
                        .header("X-Forwarded-For", ANOTHER)
                        .header("Authorization", basic(RunningApp.ADMIN_PASSWORD)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode metric = json.readTree(answer.body());
        return metric.at("/measurements/0/value").asDouble();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + app.context().getEnvironment().getProperty("local.server.port") + path);
    }

    private static String basic(String password) {
        return "Basic " + Base64.getEncoder().encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8));
    }
}
