package org.cinegraph.command.tmdb;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * When TMDb answers 429, every thread of the client waits, not just the one that was refused: the limit is
 * TMDb's for the whole client, and the others would only collect 429s of their own.
 */
final class RateLimitPause {

    private final AtomicLong pausedUntilNanos = new AtomicLong(System.nanoTime());

    void pauseFor(Duration wait) {
        long until = System.nanoTime() + wait.toNanos();
        pausedUntilNanos.accumulateAndGet(until, (current, requested) -> current - requested > 0 ? current : requested);
    }

    void awaitResume() throws InterruptedException {
        long remaining;
        while ((remaining = pausedUntilNanos.get() - System.nanoTime()) > 0) {
            TimeUnit.NANOSECONDS.sleep(remaining);
        }
    }
}
