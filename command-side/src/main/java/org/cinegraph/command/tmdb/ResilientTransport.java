package org.cinegraph.command.tmdb;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.web.client.ResourceAccessException;

/**
 * Sends requests to TMDb within its limits and through its failures. Every request is paced by one rate
 * limiter and one cap on connections shared by all threads. A 429 pauses the whole client, for as long as
 * {@code Retry-After} says or an exponential backoff, and does not use up the request's attempts. A 5xx,
 * a timeout or a connection error is retried with exponential backoff and jitter. Everything else is
 * final and left to the caller to interpret.
 */
final class ResilientTransport {

    /** Permits are handed out in slices of a second, so a second's allowance never arrives as one burst. */
    private static final int SLICES_PER_SECOND = 10;
    private static final Duration WAIT_FOR_PERMIT = Duration.ofHours(1);
    /** A {@code Retry-After} beyond this is not believed: the client would stand still for it. */
    private static final Duration LONGEST_RETRY_AFTER = Duration.ofMinutes(5);

    private final TmdbLimits limits;
    private final RateLimiter pace;
    private final Bulkhead connections;
    private final Retry retry;
    private final IntervalFunction rateLimitedBackoff;
    private final RateLimitPause pause = new RateLimitPause();
    private final TmdbMetrics metrics;

    ResilientTransport(TmdbLimits limits, MeterRegistry meters, TmdbActivity activity) {
        this.limits = limits;
        this.metrics = new TmdbMetrics(meters, activity);
        int permitsPerSlice = Math.max(1, (int) Math.ceil((double) limits.requestsPerSecond() / SLICES_PER_SECOND));
        Duration slice = Duration.ofNanos(Duration.ofSeconds(1).toNanos() * permitsPerSlice / limits.requestsPerSecond());
        this.pace = RateLimiter.of("tmdb", RateLimiterConfig.custom()
                .limitForPeriod(permitsPerSlice)
                .limitRefreshPeriod(slice)
                .timeoutDuration(WAIT_FOR_PERMIT)
                .build());
        this.connections = Bulkhead.of("tmdb", BulkheadConfig.custom()
                .maxConcurrentCalls(limits.maxConnections())
                .maxWaitDuration(WAIT_FOR_PERMIT)
                .build());
        this.retry = Retry.of("tmdb", RetryConfig.custom()
                .maxAttempts(limits.maxAttempts())
                .intervalFunction(limits.retryBackoff())
                .retryOnException(ResilientTransport::mayPass)
                .build());
        this.rateLimitedBackoff = limits.retryBackoff();
    }

    /**
     * @param endpoint the request's path template ({@code /movie/{id}}), which its meters are tagged with
     * @param send one request, answered whole
     * @param interpret the answer's meaning; throws {@link TmdbServerErrorException} for a 5xx to retry
     * @throws TmdbUnavailableException when every attempt failed for a reason that may pass
     */
    <T> T execute(String endpoint, Supplier<TmdbResponse> send, Function<TmdbResponse, T> interpret) {
        try {
            return Retry.decorateCheckedSupplier(retry, () -> interpret.apply(sendWithinRateLimit(endpoint, send)))
                    .get();
        } catch (TmdbServerErrorException e) {
            throw new TmdbUnavailableException("TMDb answered HTTP " + e.status() + " to all "
                    + limits.maxAttempts() + " attempts", e);
        } catch (ResourceAccessException e) {
            throw new TmdbUnavailableException("TMDb could not be reached in " + limits.maxAttempts()
                    + " attempts", e);
        } catch (RuntimeException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TmdbUnavailableException("Interrupted while waiting for TMDb", e);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private TmdbResponse sendWithinRateLimit(String endpoint, Supplier<TmdbResponse> send)
            throws InterruptedException {
        for (int rateLimited = 1; ; rateLimited++) {
            TmdbResponse response = sendPaced(endpoint, send);
            if (response.status() != 429) {
                return response;
            }
            if (rateLimited >= limits.maxRateLimitedAttempts()) {
                throw new TmdbUnavailableException("TMDb kept answering 429 (rate limited) to "
                        + rateLimited + " attempts", null);
            }
            long backoffMillis = rateLimitedBackoff.apply(rateLimited);
            Duration wait = response.retryAfter().orElse(Duration.ofMillis(backoffMillis));
            pause.pauseFor(wait.compareTo(LONGEST_RETRY_AFTER) > 0 ? LONGEST_RETRY_AFTER : wait);
        }
    }

    private TmdbResponse sendPaced(String endpoint, Supplier<TmdbResponse> send) throws InterruptedException {
        long pausedFrom = System.nanoTime();
        pause.awaitResume();
        long paused = System.nanoTime() - pausedFrom;
        // A connection first, then the permit: permits taken while waiting for a connection would be spent
        // together the moment connections free up, as a burst.
        connections.acquirePermission();
        long sentAt = 0;
        try {
            long pacedFrom = System.nanoTime();
            pace.acquirePermission();
            sentAt = System.nanoTime();
            metrics.waitedForRateLimiter(paused + sentAt - pacedFrom);
            TmdbResponse response = send.get();
            metrics.answered(endpoint, response.status(), System.nanoTime() - sentAt);
            return response;
        } catch (ResourceAccessException e) {
            metrics.unreachable(endpoint, System.nanoTime() - sentAt);
            throw e;
        } finally {
            connections.onComplete();
        }
    }

    private static boolean mayPass(Throwable error) {
        return error instanceof TmdbServerErrorException || error instanceof ResourceAccessException;
    }
}
