package org.cinegraph.sandbox.tmdb;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.cinegraph.sandbox.catalogue.SandboxMovie;

/**
 * Lets popularity move while a client reads, as TMDb's does between two of its requests, so that pages
 * sorted by popularity shift under a client paging through them. While drift is on, every discover or
 * details request draws the next tick of a clock and sees each movie's popularity as
 * {@code popularity * (1 + 0.3 * sin(tick + id))}: a pure function of the tick, never of chance, so
 * the same requests in the same order see the same popularity.
 */
public final class PopularityDrift {

    private static final double AMPLITUDE = 0.3;

    private final AtomicLong ticks = new AtomicLong();
    private volatile boolean on;

    public void switchTo(boolean on) {
        this.on = on;
    }

    /** How the request being answered sees popularity; empty while drift is off. */
    Optional<Reading> nextReading() {
        return on ? Optional.of(new Reading(ticks.getAndIncrement())) : Optional.empty();
    }

    record Reading(long tick) {

        SandboxMovie apply(SandboxMovie movie) {
            double drifted = movie.popularity() * (1 + AMPLITUDE * Math.sin(tick + movie.tmdbId()));
            // Rounded like the generated popularity, which TMDb also gives to the thousandth.
            return movie.withPopularity(Math.round(drifted * 1000.0) / 1000.0);
        }
    }
}
