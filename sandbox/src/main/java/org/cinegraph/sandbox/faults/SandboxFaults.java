package org.cinegraph.sandbox.faults;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntPredicate;

import org.cinegraph.sandbox.http.FileServerError;
import org.cinegraph.sandbox.http.SandboxRequest;
import org.cinegraph.sandbox.http.SandboxResponse;
import org.cinegraph.sandbox.http.TmdbError;
import org.cinegraph.sandbox.tmdb.DeletionsDuringDiscovery;
import org.cinegraph.sandbox.tmdb.ExportEdits;
import org.cinegraph.sandbox.tmdb.ExportPath;
import org.cinegraph.sandbox.tmdb.PopularityDrift;

/**
 * Switches TMDb's misbehaviours on and off while a {@code TmdbSandboxServer} runs, for tests and benchmarks
 * of a TMDb client. Everything is off at start and after {@link #reset()}. Each setting replaces the earlier
 * setting of the same fault and leaves the other faults alone; it may change at any time, from any thread,
 * and a request sees it from its arrival on.
 *
 * <p>Faults apply to every endpoint of the API unless they say otherwise. A request meets them in this order, and
 * one that a fault answers goes no further: latency, rate limit, required credentials, unauthorized, failures of
 * every request, failures of selected details, details deleted, details deleted during discovery, details
 * malformed. A 429, for instance, is
 * no attempt for {@link #failFirstAttempts}. Nothing here is random: movies are selected by a stable hash
 * of their TMDb id and transient failures count requests, so a run can be repeated exactly.
 *
 * <p>The daily ID exports under {@code /p/exports} come from TMDb's file server, not its API: it asks for no
 * credentials and has no request limit, so of the faults above only latency reaches them. Their own faults meet an
 * export request in this order: latency, failed export requests, missing days, truncated files; the edits of the
 * files' content (malformed lines, movies dropped and restored) are made as a file is written.
 */
public final class SandboxFaults {

    private static final int FIRST_ERROR_STATUS = 400;
    private static final int FIRST_SERVER_ERROR = 500;
    private static final int LAST_ERROR_STATUS = 599;
    private static final long DELETED_SALT = 301;
    private static final long MALFORMED_SALT = 302;

    private final PopularityDrift drift;
    private final DeletionsDuringDiscovery deletionsDuringDiscovery;
    private final ExportEdits exportEdits;
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
    private volatile Fault exportFailures = Fault.NONE;
    private volatile Fault missingExports = Fault.NONE;
    private volatile Fault truncatedExports = Fault.NONE;

    /** Made by the server whose endpoints read the drift, the deletions and the export edits these faults switch. */
    public SandboxFaults(PopularityDrift drift, DeletionsDuringDiscovery deletionsDuringDiscovery,
                         ExportEdits exportEdits) {
        this.drift = drift;
        this.deletionsDuringDiscovery = deletionsDuringDiscovery;
        this.exportEdits = exportEdits;
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

    /**
     * While on, every export answers 200 with its gzip stream cut in the middle: what a connection dropped
     * mid-download leaves, which no gunzip reads to its end, so a client must refuse the file whole.
     */
    public SandboxFaults truncatedExports(boolean on) {
        truncatedExports = on ? (request, next) -> truncated(next.handle(request)) : Fault.NONE;
        return this;
    }

    /**
     * Puts lines that are no JSON object into every export, each at its place in the file counted from 0 (the
     * line there and those after it move down; a place past the end puts the line last), e.g.
     * {@code Map.of(3, "{\"id\":", 10, "not json")}; an empty map switches this off.
     */
    public SandboxFaults malformedExportLines(Map<Integer, String> linesByPosition) {
        linesByPosition.forEach((position, line) -> {
            if (position < 0 || line.contains("\n")) {
                throw new IllegalArgumentException(
                        "A malformed line is a single line at a place counted from 0, not at " + position);
            }
        });
        exportEdits.malformedLines(linesByPosition);
        return this;
    }

    /**
     * These movies are missing from every export from now on, as if TMDb had deleted them, until
     * {@link #restoreOnExports} lists them again; discover and details go on serving them. Adds to the movies
     * dropped before.
     */
    public SandboxFaults removeFromExports(Set<Integer> tmdbIds) {
        exportEdits.drop(tmdbIds);
        return this;
    }

    /**
     * Every export lists these movies again, whether {@link #removeFromExports} dropped them or they are among the
     * catalogue's own removed movies, which then are listed on every day, as if TMDb had never deleted them.
     */
    public SandboxFaults restoreOnExports(Set<Integer> tmdbIds) {
        exportEdits.restore(tmdbIds);
        return this;
    }

    /**
     * Every export says it was made at {@code instant} ({@code Last-Modified}), as TMDb's file of a day says the
     * morning it was made; null: when it is asked for.
     */
    public SandboxFaults exportsMadeAt(Instant instant) {
        exportEdits.madeAt(instant);
        return this;
    }

    /** The exports of these days answer the file server's 404, as a day TMDb never published; none switches it off. */
    public SandboxFaults missingExports(Set<LocalDate> days) {
        Set<LocalDate> missing = Set.copyOf(days);
        missingExports = missing.isEmpty() ? Fault.NONE : (request, next) ->
                ExportPath.day(request).filter(missing::contains).isPresent()
                        ? FileServerError.notFound()
                        : next.handle(request);
        return this;
    }

    /**
     * The next {@code requests} export requests from now, whatever their day, answer {@code status} (a 5xx) with
     * the file server's error body; later ones get through. Zero switches this off.
     */
    public SandboxFaults failExportRequests(int requests, int status) {
        if (requests < 0) {
            throw new IllegalArgumentException("Cannot fail " + requests + " requests");
        }
        if (status < FIRST_SERVER_ERROR || status > LAST_ERROR_STATUS) {
            throw new IllegalArgumentException("An export fails with a 5xx, not " + status);
        }
        AtomicInteger left = new AtomicInteger(requests);
        exportFailures = requests == 0 ? Fault.NONE : (request, next) ->
                left.getAndUpdate(count -> Math.max(0, count - 1)) > 0
                        ? FileServerError.failure(status)
                        : next.handle(request);
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
        exportFailures = Fault.NONE;
        missingExports = Fault.NONE;
        truncatedExports = Fault.NONE;
        exportEdits.reset();
        return this;
    }

    /** The faults as they stand that this request meets, in the order it meets them. */
    List<Fault> inOrder(SandboxRequest request) {
        if (ExportPath.isExport(request)) {
            return List.of(latency, exportFailures, missingExports, truncatedExports);
        }
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

    /**
     * Only a body the endpoint meant to send is spoilt: a movie the catalogue lacks, or a day not published, still
     * answers 404.
     */
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
