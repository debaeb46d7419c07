package org.cinegraph.command.tmdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.cinegraph.sandbox.TmdbSandboxServer;
import org.cinegraph.sandbox.catalogue.SandboxCatalogue;
import org.cinegraph.sandbox.faults.SandboxFaults;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.web.client.RestClient;

/**
 * The TMDb client against the TMDb sandbox misbehaving the ways TMDb can: what each fault costs in requests,
 * how each ends, and that the limits hold over all threads. Timing is asserted only as generous lower bounds.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TmdbClientFaultsTest {

    private static final String TOKEN = "faults-test-v4-token-5d1f9c";
    private static final String KEY = "faults-test-v3-key-a7e203";
    private static final int YEAR = 2024;
    private static final int MOVIES = 45;
    private static final LocalDate FROM = LocalDate.of(YEAR, 1, 1);
    private static final LocalDate TO = LocalDate.of(YEAR, 12, 31);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(5);

    private final SandboxCatalogue catalogue = SandboxCatalogue.builder().seed(1).year(YEAR, MOVIES).build();
    private final ObjectMapper mapper = new ObjectMapper();
    private TmdbSandboxServer sandbox;
    private SandboxFaults faults;
    private List<Integer> ids;

    @BeforeEach
    void startSandbox() {
        sandbox = TmdbSandboxServer.start(catalogue);
        faults = sandbox.faults();
        ids = List.copyOf(catalogue.movieIds(YEAR));
    }

    @AfterEach
    void stopSandbox() {
        sandbox.close();
    }

    // ---------------------------------------------------------------- happy path

    @Test
    void discoverPagesAYearTwentyMoviesAtATimeInReleaseOrder() {
        TmdbClient client = client(fast(3));

        DiscoverPage first = client.discover(FROM, TO, 1);

        assertThat(first.page()).isEqualTo(1);
        assertThat(first.totalResults()).isEqualTo(MOVIES);
        assertThat(first.totalPages()).isEqualTo(3);
        assertThat(first.movies()).hasSize(20);

        List<DiscoveredMovie> all = new ArrayList<>(first.movies());
        for (int page = 2; page <= first.totalPages(); page++) {
            DiscoverPage next = client.discover(FROM, TO, page);
            assertThat(next.page()).isEqualTo(page);
            assertThat(next.totalResults()).isEqualTo(MOVIES);
            assertThat(next.movies()).hasSize(page < first.totalPages() ? 20 : MOVIES - 40);
            all.addAll(next.movies());
        }
        assertThat(all).extracting(DiscoveredMovie::tmdbId)
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(catalogue.movieIds(YEAR));
        assertThat(all).allSatisfy(movie -> {
            assertThat(movie.title()).isNotBlank();
            assertThat(movie.releaseDate()).isBetween(FROM, TO);
        });
        assertThat(all).extracting(DiscoveredMovie::releaseDate).isSorted();
        assertThat(sandbox.requestCount()).isEqualTo(3);
    }

    @Test
    void totalMoviesAndConfigurationAnswer() {
        TmdbClient client = client(fast(3));

        assertThat(client.totalMovies()).isEqualTo(MOVIES);
        assertThat(client.configuration().isObject()).isTrue();
    }

    @Test
    void aMovieComesWholeWithItsAppendedSectionsAndItsTextUnchanged() throws Exception {
        TmdbClient client = client(fast(3));
        int id = ids.get(7);

        TmdbMovie movie = client.movie(id);

        assertThat(movie.tmdbId()).isEqualTo(id);
        assertThat(movie.title()).isNotBlank();
        assertThat(movie.releaseDate()).isBetween(FROM, TO);
        assertThat(mapper.readTree(movie.json())).isEqualTo(movie.record());
        assertThat(movie.record().get("id").asInt()).isEqualTo(id);
        for (String section : List.of("credits", "external_ids", "keywords", "release_dates")) {
            assertThat(movie.record().has(section)).as("section %s", section).isTrue();
            assertThat(movie.record().get(section).isContainerNode()).as("section %s", section).isTrue();
        }
        assertThat(sandbox.requestCount()).isEqualTo(1);
    }

    // ---------------------------------------------------------------- 5xx

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {500, 502, 503, 504})
    void twoTransientServerErrorsAreRiddenOutWithinThreeAttempts(int status) {
        TmdbClient client = client(fast(3));
        int id = ids.get(0);
        faults.failFirstAttempts(2, status);

        assertThat(client.movie(id).tmdbId()).isEqualTo(id);
        assertThat(sandbox.requestCount()).isEqualTo(3);

        assertThat(client.discover(FROM, TO, 1).movies()).hasSize(20);
        assertThat(sandbox.requestCount()).isEqualTo(6);
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {500, 503})
    void aServerErrorThatPersistsEndsAsUnavailableAfterExactlyMaxAttempts(int status) {
        TmdbClient client = client(fast(4));
        faults.failAlways(status);

        assertThatThrownBy(() -> client.movie(ids.get(0)))
                .isInstanceOf(TmdbUnavailableException.class)
                .hasMessageContaining(Integer.toString(status))
                .hasMessageContaining("4 attempts");
        assertThat(sandbox.requestCount()).isEqualTo(4);

        faults.noFailures();
        assertThat(client.movie(ids.get(0)).tmdbId()).as("the client works again once TMDb does")
                .isEqualTo(ids.get(0));
        assertThat(sandbox.requestCount()).isEqualTo(5);
    }

    // ---------------------------------------------------------------- timeouts and connections

    @Test
    void anAnswerSlowerThanTheReadTimeoutIsRetriedThenUnavailable() {
        TmdbClient client = client(null, null, Duration.ofMillis(200), fast(3));
        faults.latency(Duration.ofMillis(700));

        assertThatThrownBy(() -> client.movie(ids.get(0)))
                .isInstanceOf(TmdbUnavailableException.class)
                .hasMessageContaining("3 attempts");
        assertThat(sandbox.requestCount()).isEqualTo(3);
    }

    @Test
    void anAnswerFasterThanTheReadTimeoutSucceedsAtOnce() {
        TmdbClient client = client(null, null, Duration.ofSeconds(1), fast(3));
        faults.latency(Duration.ofMillis(100));

        assertThat(client.movie(ids.get(0)).tmdbId()).isEqualTo(ids.get(0));
        assertThat(sandbox.requestCount()).isEqualTo(1);
    }

    @ParameterizedTest(name = "token {0}")
    @ValueSource(booleans = {true, false})
    void aRefusedConnectionEndsAsUnavailableAndNamesNoSecret(boolean withToken) {
        URI baseUrl = sandbox.baseUrl();
        sandbox.close();
        TmdbClient client = new TmdbClient(
                TmdbConnection.of(baseUrl, withToken ? TOKEN : null, KEY, CONNECT_TIMEOUT, READ_TIMEOUT),
                fast(3), RestClient.builder(), new SimpleMeterRegistry(), new TmdbActivity(Clock.systemUTC()));

        for (Throwable thrown : List.of(
                catchThrowable(() -> client.movie(ids.get(0))),
                catchThrowable(() -> client.discover(FROM, TO, 1)),
                catchThrowable(client::configuration))) {
            assertThat(thrown).isInstanceOf(TmdbUnavailableException.class);
            assertThat(thrown.getMessage()).doesNotContain(TOKEN).doesNotContain(KEY);
            assertThat(stackTrace(thrown)).doesNotContain(TOKEN).doesNotContain(KEY);
            assertThat(client.describe(thrown)).isNotBlank().doesNotContain(TOKEN).doesNotContain(KEY);
        }
    }

    // ---------------------------------------------------------------- meters

    @Test
    void requestsAreTimedByTheirEndpointsTemplateAndStatusNeverByAMovie() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        TmdbClient client = new TmdbClient(TmdbConnection.of(sandbox.baseUrl(), null, null, CONNECT_TIMEOUT,
                READ_TIMEOUT), fast(3), RestClient.builder(), meters, new TmdbActivity(Clock.systemUTC()));
        faults.deletedAfterDiscovery(Set.of(ids.get(2)));

        client.movie(ids.get(0));
        client.movie(ids.get(1));
        catchThrowable(() -> client.movie(ids.get(2)));
        client.discover(FROM, TO, 1);

        assertThat(requests(meters, "/movie/{id}", "200")).isEqualTo(2);
        assertThat(requests(meters, "/movie/{id}", "404")).isEqualTo(1);
        assertThat(requests(meters, "/discover/movie", "200")).isEqualTo(1);
        assertThat(meters.find("cinegraph.tmdb.requests").timers()).as("one series per endpoint and status")
                .hasSize(3)
                .allSatisfy(timer -> assertThat(timer.getId().getTag("endpoint")).doesNotContainPattern("\\d"));
        assertThat(meters.get("cinegraph.tmdb.requests").tag("status", "200").tag("endpoint", "/movie/{id}").timer()
                .totalTime(TimeUnit.NANOSECONDS)).isPositive();
        assertThat(meters.get("cinegraph.tmdb.rate-limiter.wait").timer().count()).isEqualTo(4);
    }

    @Test
    void aRequestThatGotNoAnswerIsTimedAsUnreachable() {
        URI baseUrl = sandbox.baseUrl();
        sandbox.close();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        TmdbClient client = new TmdbClient(TmdbConnection.of(baseUrl, null, null, CONNECT_TIMEOUT, READ_TIMEOUT),
                fast(3), RestClient.builder(), meters, new TmdbActivity(Clock.systemUTC()));

        catchThrowable(client::configuration);

        assertThat(requests(meters, "/configuration", "unreachable")).isEqualTo(3);
    }

    private static long requests(SimpleMeterRegistry meters, String endpoint, String status) {
        return meters.get("cinegraph.tmdb.requests").tag("endpoint", endpoint).tag("status", status).timer().count();
    }

    // ---------------------------------------------------------------- credentials

    @Test
    void rejectedCredentialsFailAtOnceWithoutRetry() {
        TmdbClient client = client(TOKEN, null, READ_TIMEOUT, fast(5));
        faults.unauthorized(true);

        assertThatThrownBy(() -> client.movie(ids.get(0)))
                .isInstanceOf(TmdbCredentialsRejectedException.class)
                .hasMessageNotContaining(TOKEN);
        assertThat(sandbox.requestCount()).isEqualTo(1);

        assertThatThrownBy(client::configuration).isInstanceOf(TmdbCredentialsRejectedException.class);
        assertThat(sandbox.requestCount()).isEqualTo(2);
    }

    @Test
    void theRightTokenIsAcceptedAndAWrongOneRejectedOnce() {
        faults.requireCredentials(TOKEN, null);

        assertThat(client(TOKEN, null, READ_TIMEOUT, fast(5)).movie(ids.get(0)).tmdbId()).isEqualTo(ids.get(0));
        assertThat(sandbox.requestCount()).isEqualTo(1);

        TmdbClient wrong = client("not-" + TOKEN, null, READ_TIMEOUT, fast(5));
        assertThatThrownBy(() -> wrong.movie(ids.get(0))).isInstanceOf(TmdbCredentialsRejectedException.class);
        assertThat(sandbox.requestCount()).isEqualTo(2);
    }

    @Test
    void withoutATokenTheRightKeyIsAccepted() {
        faults.requireCredentials(null, KEY);

        assertThat(client(null, KEY, READ_TIMEOUT, fast(5)).discover(FROM, TO, 1).totalResults()).isEqualTo(MOVIES);

        TmdbClient wrong = client(null, "not-" + KEY, READ_TIMEOUT, fast(5));
        assertThatThrownBy(() -> wrong.discover(FROM, TO, 1)).isInstanceOf(TmdbCredentialsRejectedException.class);
        assertThat(sandbox.requestCount()).isEqualTo(2);
    }

    // ---------------------------------------------------------------- final answers

    @Test
    void aMovieDeletedAfterDiscoveryIsNotFoundAtOnce() {
        TmdbClient client = client(fast(5));
        int deleted = client.discover(FROM, TO, 1).movies().get(3).tmdbId();
        faults.deletedAfterDiscovery(Set.of(deleted));

        assertThat(client.discover(FROM, TO, 1).movies()).extracting(DiscoveredMovie::tmdbId).contains(deleted);

        assertOnlyThatMovieFailsAtOnce(client, deleted, TmdbNotFoundException.class);
    }

    @Test
    void aMalformedBodyIsAFailureOfThatRequestOnly() {
        TmdbClient client = client(fast(5));
        int malformed = client.discover(FROM, TO, 1).movies().get(2).tmdbId();
        faults.malformedDetails(Set.of(malformed));
        long before = sandbox.requestCount();

        assertOnlyThatMovieFailsAtOnce(client, malformed, TmdbMalformedResponseException.class);
        assertThat(client.discover(FROM, TO, 1).movies()).extracting(DiscoveredMovie::tmdbId).contains(malformed);
        assertThat(sandbox.requestCount() - before).isEqualTo(3);
    }

    @Test
    void aPagePastFiveHundredIsRejectedWithoutRetry() {
        TmdbClient client = client(fast(5));

        assertThatThrownBy(() -> client.discover(FROM, TO, 501))
                .isInstanceOf(TmdbRequestRejectedException.class)
                .hasMessageContaining("422");
        assertThat(sandbox.requestCount()).isEqualTo(1);

        DiscoverPage lastServed = client.discover(FROM, TO, 500);
        assertThat(lastServed.movies()).isEmpty();
        assertThat(lastServed.totalResults()).isEqualTo(MOVIES);
    }

    // ---------------------------------------------------------------- 429

    @Test
    void manyThreadsRideOutRateLimitingWithRetryAfter() throws Exception {
        TmdbClient client = client(new TmdbLimits(100, 8, 3, Duration.ofMillis(10), Duration.ofMillis(100), 10));
        client.configuration();
        faults.rateLimit(10, true);

        Outcomes outcomes = inParallel(8, 3, n -> client.movie(ids.get(n % ids.size())));

        // 24 answers at 10 a second need three of the sandbox's windows: two seconds at least.
        assertRiddenOut(outcomes, 24, Duration.ofMillis(1500));
    }

    @Test
    void aRateLimitedAnswerPausesEveryThreadOfTheClient() throws Exception {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        TmdbActivity activity = new TmdbActivity(Clock.systemUTC());
        TmdbClient client = new TmdbClient(
                TmdbConnection.of(sandbox.baseUrl(), null, null, CONNECT_TIMEOUT, READ_TIMEOUT),
                new TmdbLimits(100, 8, 3, Duration.ofMillis(10), Duration.ofMillis(100), 5),
                RestClient.builder(), meters, activity);
        client.configuration();
        faults.rateLimit(2, true);
        client.movie(ids.get(0));
        client.movie(ids.get(1));
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            long aStarted = System.nanoTime();
            Future<Duration> refused = threads.submit(() -> {
                client.movie(ids.get(2));
                return Duration.ofNanos(System.nanoTime() - aStarted);
            });
            // The client counts a 429 just before it pauses; the sleep lets the pause begin.
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> meters.find("cinegraph.tmdb.requests").tag("status", "429").timers().stream()
                            .mapToLong(Timer::count).sum() == 1);
            Thread.sleep(100);

            long bStarted = System.nanoTime();
            Future<Duration> paused = threads.submit(() -> {
                client.movie(ids.get(3));
                return Duration.ofNanos(System.nanoTime() - bStarted);
            });

            assertThat(refused.get(10, TimeUnit.SECONDS)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
            assertThat(paused.get(10, TimeUnit.SECONDS)).as("a thread that met no 429 itself waits too")
                    .isGreaterThanOrEqualTo(Duration.ofMillis(500));
        } finally {
            threads.shutdownNow();
        }
        // Had the second thread not waited, it would have met a 429 of its own in the exhausted window.
        assertThat(faults.rateLimitedCount()).isEqualTo(1);
        assertThat(sandbox.requestCount()).isEqualTo(1 + 2 + 2 + 1);
        // The dashboard's counts agree, whichever minutes the test ran across.
        List<TmdbActivity.Minute> minutes = activity.lastMinutes(Instant.now(), 10);
        assertThat(minutes.stream().mapToLong(TmdbActivity.Minute::requests).sum()).isEqualTo(6);
        assertThat(minutes.stream().mapToLong(TmdbActivity.Minute::rateLimited).sum()).isEqualTo(1);
    }

    @Test
    void rateLimitingWithoutRetryAfterIsRiddenOutByBackoff() throws Exception {
        TmdbClient client = client(new TmdbLimits(100, 8, 3, Duration.ofMillis(100), Duration.ofMillis(400), 20));
        client.configuration();
        faults.rateLimit(4, false);

        Outcomes outcomes = inParallel(4, 2, n -> client.movie(ids.get(n)));

        // 8 answers at 4 a second need the sandbox's second window.
        assertRiddenOut(outcomes, 8, Duration.ofMillis(700));
    }

    @Test
    void aRequestAnswered429EveryTimeGivesUpAfterMaxRateLimitedAttempts() {
        TmdbClient client = client(new TmdbLimits(1000, 8, 4, Duration.ofMillis(10), Duration.ofMillis(100), 3));
        faults.failAlways(429);

        assertThatThrownBy(() -> client.movie(ids.get(0)))
                .isInstanceOf(TmdbUnavailableException.class)
                .hasMessageContaining("429");
        // Neither multiplied by the attempts for 5xx nor cut short by them.
        assertThat(sandbox.requestCount()).isEqualTo(3);
    }

    @Test
    void persistentRateLimitingFailsSomeConcurrentCallsAsUnavailable() throws Exception {
        TmdbClient client = client(new TmdbLimits(100, 8, 3, Duration.ofMillis(10), Duration.ofMillis(100), 2));
        client.configuration();
        faults.rateLimit(1, true);

        Outcomes outcomes = inParallel(6, 1, n -> client.movie(ids.get(n)));

        assertThat(outcomes.results()).isNotEmpty();
        assertThat(outcomes.failures()).isNotEmpty().allSatisfy(failure -> assertThat(failure)
                .isInstanceOf(TmdbUnavailableException.class)
                .hasMessageContaining("429"));
        assertThat(outcomes.results().size() + outcomes.failures().size()).isEqualTo(6);
    }

    // ---------------------------------------------------------------- limits shared by all threads

    @Test
    void oneRateLimiterPacesAllThreads() throws Exception {
        TmdbClient client = client(new TmdbLimits(10, 8, 3, Duration.ofMillis(10), Duration.ofMillis(100), 5));

        Outcomes outcomes = inParallel(5, 5, n -> client.movie(ids.get(n)));

        assertThat(outcomes.failures()).isEmpty();
        assertThat(outcomes.results()).hasSize(25);
        assertThat(sandbox.requestCount()).isEqualTo(25);
        assertThat(faults.rateLimitedCount()).isZero();
        // 25 requests at 10 a second take 2.4 s; a limiter per thread would let 5 x 5 through in 0.4 s.
        assertThat(outcomes.elapsed()).isGreaterThanOrEqualTo(Duration.ofMillis(2000));
    }

    @Test
    void connectionsAreCappedOverAllThreads() throws Exception {
        TmdbClient client = client(new TmdbLimits(1000, 2, 3, Duration.ofMillis(10), Duration.ofMillis(100), 5));
        faults.latency(Duration.ofMillis(200));

        Outcomes outcomes = inParallel(8, 1, n -> client.movie(ids.get(n)));

        assertThat(outcomes.failures()).isEmpty();
        assertThat(outcomes.results()).hasSize(8);
        assertThat(sandbox.requestCount()).isEqualTo(8);
        // Two at a time, 200 ms each: four waves, 800 ms; uncapped they would all take 200 ms together.
        assertThat(outcomes.elapsed()).isGreaterThanOrEqualTo(Duration.ofMillis(700));
    }

    // ---------------------------------------------------------------- helpers

    /** The movie's request fails, naming it, at the first answer (no retry), and another movie is still answered. */
    private void assertOnlyThatMovieFailsAtOnce(TmdbClient client, int tmdbId, Class<? extends Exception> failure) {
        long before = sandbox.requestCount();
        assertThatThrownBy(() -> client.movie(tmdbId)).isInstanceOf(failure)
                .hasMessageContaining(Integer.toString(tmdbId));
        assertThat(sandbox.requestCount() - before).isEqualTo(1);

        int other = ids.stream().filter(id -> id != tmdbId).findFirst().orElseThrow();
        assertThat(client.movie(other).tmdbId()).isEqualTo(other);
    }

    /**
     * Every request was answered, some after a 429, no sooner than the sandbox's windows let them through, and
     * without a 429 per try, which a client that retried at once would collect, far beyond the few in flight at each
     * pause.
     */
    private void assertRiddenOut(Outcomes outcomes, int answers, Duration atLeast) {
        assertThat(outcomes.failures()).isEmpty();
        assertThat(outcomes.results()).hasSize(answers);
        assertThat(faults.rateLimitedCount()).isPositive();
        assertThat(outcomes.elapsed()).isGreaterThanOrEqualTo(atLeast);
        assertThat(faults.rateLimitedCount()).isLessThan(60);
    }

    /** Generous on rate and connections, quick to back off: for tests not about waiting. */
    private static TmdbLimits fast(int maxAttempts) {
        return new TmdbLimits(1000, 8, maxAttempts, Duration.ofMillis(10), Duration.ofMillis(100), 5);
    }

    private TmdbClient client(TmdbLimits limits) {
        return client(null, null, READ_TIMEOUT, limits);
    }

    private TmdbClient client(String token, String key, Duration readTimeout, TmdbLimits limits) {
        return new TmdbClient(TmdbConnection.of(sandbox.baseUrl(), token, key, CONNECT_TIMEOUT, readTimeout),
                limits, RestClient.builder(), new SimpleMeterRegistry(), new TmdbActivity(Clock.systemUTC()));
    }

    private static String stackTrace(Throwable thrown) {
        StringWriter text = new StringWriter();
        thrown.printStackTrace(new PrintWriter(text));
        return text.toString();
    }

    private record Outcomes(List<Object> results, List<Throwable> failures, Duration elapsed) {
    }

    /**
     * Runs {@code callsPerThread} calls on each of {@code threads} threads, all released at once; call
     * {@code n} of the whole run gets {@code n}, from 0. Returns what the calls returned and threw.
     */
    private static Outcomes inParallel(int threads, int callsPerThread, IntFunction<Object> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        Queue<Object> results = new ConcurrentLinkedQueue<>();
        Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int thread = 0; thread < threads; thread++) {
                int first = thread * callsPerThread;
                workers.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    for (int n = first; n < first + callsPerThread; n++) {
                        try {
                            results.add(call.apply(n));
                        } catch (RuntimeException e) {
                            failures.add(e);
                        }
                    }
                    return null;
                }));
            }
            assertThat(ready.await(5, TimeUnit.SECONDS)).isTrue();
            long start = System.nanoTime();
            go.countDown();
            for (Future<?> worker : workers) {
                worker.get(25, TimeUnit.SECONDS);
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            return new Outcomes(List.copyOf(results), List.copyOf(failures), elapsed);
        } finally {
            pool.shutdownNow();
        }
    }
}
