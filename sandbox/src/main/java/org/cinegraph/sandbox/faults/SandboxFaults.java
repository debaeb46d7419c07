package org.cinegraph.sandbox.faults;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntPredicate;

import org.cinegraph.sandbox.http.SandboxResponse;
import org.cinegraph.sandbox.http.TmdbError;
import org.cinegraph.sandbox.tmdb.DeletionsDuringDiscovery;
import org.cinegraph.sandbox.tmdb.PopularityDrift;

/**
 * Switches TMDb's misbehaviours on and off while a {@code TmdbSandboxServer} runs, for tests and benchmarks
 * of a TMDb client. Everything is off at start and after {@link #reset()}. Each setting replaces the earlier
 * setting of the same fault and leaves the other faults alone; it may change at any time, from any thread,
 * and a request sees it from its arrival on.
 *
 * <p>Faults apply to every endpoint unless they say otherwise. A request meets them in this order, and one
 * that a fault answers goes no further: latency, rate limit, required credentials, unauthorized, failures of
 * every request, failures of selected details, details deleted, details deleted during discovery, details
 * malformed. A 429, for instance, is
 * no attempt for {@link #failFirstAttempts}. Nothing here is random: movies are selected by a stable hash
 * of their TMDb id and transient failures count requests, so a run can be repeated exactly.
 */
public final class SandboxFaults {

    private static final int FIRST_ERROR_STATUS = 400;
    private static final int LAST_ERROR_STATUS = 599;
    private static final long DELETED_SALT = 301;
    private static final long MALFORMED_SALT = 302;

    private final PopularityDrift drift;
    private final DeletionsDuringDiscovery deletionsDuringDiscovery;
    private final AtomicLong rateLimited = new AtomicLong();
    private volatile Fault latency = Fault.NONE;
    private volatile Fault rateLimit = Fault.NONE;
    private volatile Fault requiredCredentials = Fault.NONE;
    private volatile Fault unauthorized = Fault.NONE;
    private volatile Fault failures = Fault.NONE;
    private volatile Fault detailsFailures = Fault.NONE;
    private volatile Fault deletions = Fault.NONE;
    private volatile Fault deletedDuringDiscovery = Fault.NONE;
    private volatile Fault malformations = Fault.NONE;

    /** Made by the server whose endpoints read the drift and the deletions that these faults switch. */
    public SandboxFaults(PopularityDrift drift, DeletionsDuringDiscovery deletionsDuringDiscovery) {
        this.drift = drift;
        this.deletionsDuringDiscovery = deletionsDuringDiscovery;
    }

    /**
     * Limits all requests together over fixed one-second windows, the first starting now. A window's
     * requests beyond {@code requestsPerSecond} answer 429 with TMDb's body, code 25, "Your request count
     * (n) is over the allowed limit of (limit).", where n counts the window's requests so far, rejected ones
     * included; with {@code sendRetryAfter}, also {@code Retry-After: 1}, as the next window is at most a
     * second away.
     */
    public SandboxFaults rateLimit(int requestsPerSecond, boolean sendRetryAfter) {
        if (requestsPerSecond < 1) {
            throw new IllegalArgumentException("A rate limit lets at least one request a second through");
        }
        rateLimit = new RateLimit(requestsPerSecond, sendRetryAfter, rateLimited);
        return this;
    }

    public SandboxFaults noRateLimit() {
        rateLimit = Fault.NONE;
        return this;
    }

    /** 429s given since the server started, like {@code TmdbSandboxServer.requestCount()} never reset. */
    public long rateLimitedCount() {
        return rateLimited.get();
    }

    /**
     * Answers the first {@code attempts} requests of each distinct path and query with {@code status} and
     * TMDb's body for it (code 11 for 500, 9 for 503, 24 for 504, TMDb's internal error for a status it
     * has no error of its own for, such as 502); later requests of the same path and query get through.
     * Replaces {@link #failAlways}; counting starts afresh.
     */
    public SandboxFaults failFirstAttempts(int attempts, int status) {
        if (attempts < 0) {
            throw new IllegalArgumentException("Cannot fail " + attempts + " attempts");
        }
        failures = new TransientFailures(attempts, errorStatus(status));
        return this;
    }

    /** Answers every request with {@code status} and its body as in {@link #failFirstAttempts}, which it replaces. */
    public SandboxFaults failAlways(int status) {
        failures = answering(TmdbError.failure(errorStatus(status)));
        return this;
    }

    /** Answers every details request of the given movies with {@code status}, as {@link #failAlways} does. */
    public SandboxFaults failDetailsAlways(Set<Integer> tmdbIds, int status) {
        detailsFailures = new SelectedDetails(MovieSelection.of(tmdbIds),
                answering(TmdbError.failure(errorStatus(status))));
        return this;
    }

    /** Switches off {@link #failFirstAttempts}, {@link #failAlways} and {@link #failDetailsAlways}. */
    public SandboxFaults noFailures() {
        failures = Fault.NONE;
        detailsFailures = Fault.NONE;
        return this;
    }

    /**
     * Sends every answer, errors included, {@code delay} later than it would have gone; zero switches the
     * delay off. A request still counts for the other faults when it arrives.
     */
    public SandboxFaults latency(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("A delay cannot be negative: " + delay);
        }
        latency = delay.isZero() ? Fault.NONE : new Latency(delay);
        return this;
    }

    /**
     * Details of these movies answer 200 with their body cut off in the middle, which no JSON parser
     * accepts; an empty set switches this off. Replaces {@link #malformedDetailsFraction}.
     */
    public SandboxFaults malformedDetails(Set<Integer> tmdbIds) {
        return malformed(MovieSelection.of(tmdbIds));
    }

    /** Like {@link #malformedDetails}, for about {@code fraction} of all movies, chosen by a stable hash of the id. */
    public SandboxFaults malformedDetailsFraction(double fraction) {
        return malformed(MovieSelection.fraction(fraction, MALFORMED_SALT));
    }

    /**
     * These movies stay in discover, but their details answer 404 with TMDb's code 34 body, as for a movie
     * deleted between the two requests; an empty set switches this off. Replaces
     * {@link #deletedAfterDiscoveryFraction}.
     */
    public SandboxFaults deletedAfterDiscovery(Set<Integer> tmdbIds) {
        return deleted(MovieSelection.of(tmdbIds));
    }

    /**
     * Like {@link #deletedAfterDiscovery}, for about {@code fraction} of all movies, chosen by a stable hash
     * of the id that is independent of the one {@link #malformedDetailsFraction} uses.
     */
    public SandboxFaults deletedAfterDiscoveryFraction(double fraction) {
        return deleted(MovieSelection.fraction(fraction, DELETED_SALT));
    }

    /**
     * These movies are deleted from TMDb while a client reads discover: the first {@code afterDiscoverRequests}
     * discover requests from now, counting every one that reaches discover, show them as usual; from then on
     * they are missing from every discover answer, later movies moving back one place and the totals
     * shrinking with them, and their details answer 404 with TMDb's code 34 body, as for
     * {@link #deletedAfterDiscovery}. A client paging through a window then misses the movie that slides
     * from the next page onto the page it read before, and sees the total change. Setting it again counts
     * afresh; an empty set switches it off.
     */
    public SandboxFaults deletedDuringDiscovery(Set<Integer> tmdbIds, int afterDiscoverRequests) {
        if (afterDiscoverRequests < 0) {
            throw new IllegalArgumentException("Cannot count " + afterDiscoverRequests + " discover requests");
        }
        if (tmdbIds.isEmpty()) {
            deletionsDuringDiscovery.stop();
            deletedDuringDiscovery = Fault.NONE;
        } else {
            deletedDuringDiscovery = new SelectedDetails(
                    deletionsDuringDiscovery.start(tmdbIds, afterDiscoverRequests),
                    answering(TmdbError.NOT_FOUND.response()));
        }
        return this;
    }

    /**
     * While on, every discover and details request moves a clock one tick and shows each movie's popularity
     * as {@code popularity * (1 + 0.3 * sin(tick + id))}, rounded to the thousandth; popularity orders are
     * ranked by it anew for each request, so movies move between pages while a client reads them. Other
     * orders never change, only the popularity they show does.
     */
    public SandboxFaults popularityDrift(boolean on) {
        drift.switchTo(on);
        return this;
    }

    /** While on, every request answers 401 with TMDb's code 7 body, "Invalid API key: ...". */
    public SandboxFaults unauthorized(boolean on) {
        unauthorized = on ? answering(TmdbError.INVALID_API_KEY.response()) : Fault.NONE;
        return this;
    }

    /**
     * Requests answer 401 as with {@link #unauthorized} unless they carry {@code Authorization: Bearer
     * <bearerToken>} or the query parameter {@code api_key=<apiKey>}. Either may be null, and then only the
     * other is accepted; both null switches the requirement off. The sandbox never logs either.
     */
    public SandboxFaults requireCredentials(String bearerToken, String apiKey) {
        requiredCredentials = bearerToken == null && apiKey == null
                ? Fault.NONE
                : new RequiredCredentials(bearerToken, apiKey);
        return this;
    }

    /** Switches every fault off; counts such as {@link #rateLimitedCount()} go on. */
    public SandboxFaults reset() {
        latency = Fault.NONE;
        rateLimit = Fault.NONE;
        requiredCredentials = Fault.NONE;
        unauthorized = Fault.NONE;
        failures = Fault.NONE;
        detailsFailures = Fault.NONE;
        deletions = Fault.NONE;
        deletedDuringDiscovery = Fault.NONE;
        deletionsDuringDiscovery.stop();
        malformations = Fault.NONE;
        drift.switchTo(false);
        return this;
    }

    /** The faults as they stand, in the order a request meets them. */
    List<Fault> inOrder() {
        return List.of(latency, rateLimit, requiredCredentials, unauthorized, failures, detailsFailures, deletions,
                deletedDuringDiscovery, malformations);
    }

    private SandboxFaults malformed(IntPredicate selected) {
        malformations = new SelectedDetails(selected, (request, next) -> truncated(next.handle(request)));
        return this;
    }

    private SandboxFaults deleted(IntPredicate selected) {
        deletions = new SelectedDetails(selected, answering(TmdbError.NOT_FOUND.response()));
        return this;
    }

    /** Only a body the endpoint meant as JSON is spoilt: a movie the catalogue lacks still answers 404. */
    private static SandboxResponse truncated(SandboxResponse answer) {
        if (answer.status() != 200) {
            return answer;
        }
        return answer.withBody(Arrays.copyOf(answer.body(), answer.body().length / 2));
    }

    private static Fault answering(SandboxResponse answer) {
        return (request, next) -> answer;
    }

    private static int errorStatus(int status) {
        if (status < FIRST_ERROR_STATUS || status > LAST_ERROR_STATUS) {
            throw new IllegalArgumentException("A failure answers 4xx or 5xx, not " + status);
        }
        return status;
    }
}
