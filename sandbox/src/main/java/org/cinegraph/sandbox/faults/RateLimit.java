package org.cinegraph.sandbox.faults;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.cinegraph.sandbox.http.SandboxHandler;
import org.cinegraph.sandbox.http.SandboxRequest;
import org.cinegraph.sandbox.http.SandboxResponse;
import org.cinegraph.sandbox.http.TmdbError;

/**
 * TMDb's request limit over fixed one-second windows, the first starting when the limit is set: requests
 * of a window beyond the limit answer 429. Rejected requests count toward their window too, so a client
 * that keeps hammering gets through no sooner. Fixed windows rather than a token bucket, because their
 * count is the one TMDb's message reports, and because a test can reason about them: after waiting a full
 * second, a new window has begun.
 */
final class RateLimit implements Fault {

    private static final long WINDOW_NANOS = TimeUnit.SECONDS.toNanos(1);
    // The next window is never more than one second away, and Retry-After counts whole seconds.
    private static final String RETRY_AFTER_SECONDS = "1";

    private final int requestsPerSecond;
    private final boolean sendRetryAfter;
    private final AtomicLong rejections;
    private final long start = System.nanoTime();
    private long window;
    private int countInWindow;

    /** @param rejections counts every 429 given, across limits set one after another */
    RateLimit(int requestsPerSecond, boolean sendRetryAfter, AtomicLong rejections) {
        this.requestsPerSecond = requestsPerSecond;
        this.sendRetryAfter = sendRetryAfter;
        this.rejections = rejections;
    }

    @Override
    public SandboxResponse answer(SandboxRequest request, SandboxHandler next) {
        int count = countArrival();
        if (count <= requestsPerSecond) {
            return next.handle(request);
        }
        rejections.incrementAndGet();
        SandboxResponse tooMany = TmdbError.overRequestLimit(count, requestsPerSecond);
        return sendRetryAfter ? tooMany.withHeader("Retry-After", RETRY_AFTER_SECONDS) : tooMany;
    }

    /** This request's place in its window, from 1. */
    private synchronized int countArrival() {
        long current = (System.nanoTime() - start) / WINDOW_NANOS;
        if (current != window) {
            window = current;
            countInWindow = 0;
        }
        return ++countInWindow;
    }
}
