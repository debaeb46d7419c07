package org.cinegraph.app.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Failed admin logins, counted per client address in a token bucket (Bucket4j): an address may fail
 * {@code cinegraph.admin.login-throttle.failures} times, and earns one more attempt each
 * {@code period / failures}. An address with no attempt left is refused (429) before its password is checked, so
 * a flood of guesses costs no password hash; another address, the admin's own, keeps its own bucket.
 * <p>
 * Every failure is logged once with its address, never with what was sent; so is every lockout (the failure that
 * empties the bucket). Refused requests are only counted: a flood must not flood the log too.
 */
@Component
class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
    /** Enough for every client of a busy server; an address evicted early only starts with a full bucket again. */
    private static final int MAX_ADDRESSES = 100_000;

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
        this.buckets = Caffeine.newBuilder().maximumSize(MAX_ADDRESSES).expireAfterAccess(period).build();
        this.failed = Counter.builder("cinegraph.admin.login.failures")
                .description("Admin logins refused for wrong credentials (each cost one password check)")
                .register(meters);
        this.lockouts = Counter.builder("cinegraph.admin.login.lockouts")
                .description("Times a client address used up its failed logins and was locked out")
                .register(meters);
        this.refused = Counter.builder("cinegraph.admin.login.refused")
                .description("Admin requests answered 429 while their address was locked out, unchecked")
                .register(meters);
    }

    /** How long {@code address} must wait before its credentials are checked again; empty when they may be now. */
    Optional<Duration> lockedOut(String address) {
        Bucket bucket = buckets.getIfPresent(address);
        if (bucket == null) {
            return Optional.empty();
        }
        EstimationProbe probe = bucket.estimateAbilityToConsume(1);
        if (probe.canBeConsumed()) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    /** A request of a locked-out address was answered 429, its credentials unchecked. */
    void refused() {
        refused.increment();
    }

    /** Spring Security publishes this for every login whose credentials were checked and refused. */
    @EventListener
    void on(AbstractAuthenticationFailureEvent event) {
        if (event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details) {
            failed(details.getRemoteAddress());
        }
    }

    void failed(String address) {
        failed.increment();
        ConsumptionProbe probe = buckets.get(address, any -> newBucket()).tryConsumeAndReturnRemaining(1);
        log.warn("Failed admin login from {}", address);
        if (probe.isConsumed() && probe.getRemainingTokens() == 0) {
            lockouts.increment();
            log.warn("Admin logins from {} locked out after {} failures within {}: refused with 429 until they "
                    + "have waited long enough", address, failures, period);
        }
    }

    private Bucket newBucket() {
        return Bucket.builder().addLimit(limit -> limit.capacity(failures).refillGreedy(failures, period)).build();
    }
}
