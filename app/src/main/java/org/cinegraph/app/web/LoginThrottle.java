package org.cinegraph.app.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Failed admin logins, counted per client in a token bucket (Bucket4j): a client may fail
 * {@code cinegraph.admin.login-throttle.failures} times, and earns one attempt back each {@code period / failures}.
 * Every request with credentials not proven right before takes an attempt before its password is checked, and gives
 * it back once they proved right; so a client with no attempt left is refused (429) unchecked, a flood of guesses
 * costs no password hash, and guesses sent in parallel cannot all pass the check before the first of them fails.
 * Credentials proven right take no attempt ({@link ProvenCredentials}): a script's parallel requests are not held to
 * the number of failures allowed, once its credentials have passed once. Another client, the
 * admin's own, keeps its own bucket. A client is its IPv4 address, or the /64 network of its IPv6 address (one host
 * commonly holds a whole /64).
 * <p>
 * Every failure is logged once with its address, never with what was sent; so is every lockout (the failure that
 * took the last attempt). Refused requests are only counted: a flood must not flood the log too.
 */
@Component
class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
    /** Enough for every client of a busy server; a client evicted early only starts with a full bucket again. */
    private static final int MAX_CLIENTS = 100_000;
    private static final int IPV6_NETWORK_BYTES = 8;

    private final int failures;
    private final Duration period;
    /** A bucket unused for a whole period is full again: dropping it then changes nothing. */
    private final Cache<String, Bucket> buckets;
    private final Counter failed;
    private final Counter lockouts;
    private final Counter refused;

    LoginThrottle(@Value("${cinegraph.admin.login-throttle.failures:5}") int failures,
                  @Value("${cinegraph.admin.login-throttle.period:1m}") Duration period,
                  MeterRegistry meters) {
        if (failures < 1 || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("cinegraph.admin.login-throttle needs failures >= 1 and a positive period");
        }
        this.failures = failures;
        this.period = period;
        this.buckets = Caffeine.newBuilder().maximumSize(MAX_CLIENTS).expireAfterAccess(period).build();
        this.failed = Counter.builder("cinegraph.admin.login.failures")
                .description("Requests whose credentials were checked and refused")
                .register(meters);
        this.lockouts = Counter.builder("cinegraph.admin.login.lockouts")
                .description("Times a client used up its failed logins and was locked out")
                .register(meters);
        this.refused = Counter.builder("cinegraph.admin.login.refused")
                .description("Requests with credentials answered 429, unchecked, while their client was locked out")
                .register(meters);
    }

    /**
     * Takes one attempt of {@code address}'s client before its credentials are checked. Credentials that proved
     * right before ({@code proven}) take none, so that a client's parallel requests are not limited by its attempts;
     * but they too are refused while the client is locked out.
     *
     * @return the attempt; or, when the client has none left, how long it must wait for one
     */
    Attempt attempt(String address, boolean proven) {
        String client = client(address);
        Bucket bucket = buckets.get(client, any -> newBucket());
        if (proven) {
            EstimationProbe estimate = bucket.estimateAbilityToConsume(1);
            if (estimate.canBeConsumed()) {
                return new Attempt(client, address, false, false, Optional.empty());
            }
            refused.increment();
            return new Attempt(client, address, false, false,
                    Optional.of(Duration.ofNanos(estimate.getNanosToWaitForRefill())));
        }
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            refused.increment();
            return new Attempt(client, address, false, false,
                    Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill())));
        }
        return new Attempt(client, address, true, probe.getRemainingTokens() == 0, Optional.empty());
    }

    /** The credentials were right: the attempt, if one was taken, is given back. */
    void succeeded(Attempt attempt) {
        Bucket bucket = buckets.getIfPresent(attempt.client());
        if (bucket != null && attempt.taken()) {
            bucket.addTokens(1);
        }
    }

    /** The credentials were wrong (or unreadable): the attempt stays spent. */
    void failed(Attempt attempt) {
        failed.increment();
        if (!attempt.taken()) {
            // Credentials that proved right once and fail now (the password changed): an attempt like any other.
            Bucket bucket = buckets.getIfPresent(attempt.client());
            if (bucket != null) {
                bucket.tryConsume(1);
            }
        }
        log.warn("Failed admin login from {}", attempt.address());
        if (attempt.last()) {
            lockouts.increment();
            log.warn("Admin logins from {} locked out after {} failures within {}: refused with 429 until an "
                    + "attempt is earned back", attempt.address(), failures, period);
        }
    }

    private Bucket newBucket() {
        return Bucket.builder().addLimit(limit -> limit.capacity(failures).refillGreedy(failures, period)).build();
    }

    /** The IPv4 address; the /64 network of an IPv6 address. Never a name lookup: the address is a literal. */
    static String client(String address) {
        if (address == null || address.indexOf(':') < 0) {
            return String.valueOf(address);
        }
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress();
            if (bytes.length == 16) {
                return HexFormat.of().formatHex(Arrays.copyOf(bytes, IPV6_NETWORK_BYTES)) + "::/64";
            }
            return address;
        } catch (UnknownHostException e) {
            return address;
        }
    }

    /**
     * One request's attempt: {@code taken} when it took one of the client's attempts, {@code last} when that was the
     * last one, {@code retryAfter} how long a refused request's client must wait (empty when it was not refused).
     */
    record Attempt(String client, String address, boolean taken, boolean last, Optional<Duration> retryAfter) {

        boolean refused() {
            return retryAfter.isPresent();
        }
    }
}
