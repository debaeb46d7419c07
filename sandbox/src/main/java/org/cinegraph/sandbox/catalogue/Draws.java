package org.cinegraph.sandbox.catalogue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A SplitMix64 stream keyed by coordinates such as (seed, attribute, year, index). Written out rather
 * than borrowed from {@code java.util.Random} so that a catalogue stays byte-for-byte the same on every
 * JDK, and so that each attribute of a movie can be drawn from its own stream: changing how titles are
 * made must not move every release date.
 */
public final class Draws {

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private long state;

    public Draws(long... coordinates) {
        long h = GOLDEN_GAMMA;
        for (long coordinate : coordinates) {
            h = mix(h ^ mix(coordinate + GOLDEN_GAMMA));
        }
        state = h;
    }

    long nextLong() {
        state += GOLDEN_GAMMA;
        return mix(state);
    }

    /** Uniform in [0, 1). */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in (0, 1], for the power laws that divide by it. */
    double nextPositiveDouble() {
        return 1.0 - nextDouble();
    }

    int nextInt(int bound) {
        return (int) Math.floorMod(nextLong(), (long) bound);
    }

    int between(int lowest, int highest) {
        return lowest + nextInt(highest - lowest + 1);
    }

    boolean chance(double probability) {
        return nextDouble() < probability;
    }

    <T> T pick(List<T> items) {
        return items.get(nextInt(items.size()));
    }

    /** Like TMDb's image file names, e.g. "/8GFxp1rAoJRRN5OGeHRClWGVief.jpg". */
    String imagePath(String extension) {
        StringBuilder path = new StringBuilder("/");
        for (int i = 0; i < 27; i++) {
            path.append(BASE62.charAt(nextInt(BASE62.length())));
        }
        return path.append('.').append(extension).toString();
    }

    /** Like TMDb's credit ids: 24 lowercase hex digits. */
    String hexId() {
        return String.format("%016x%08x", nextLong(), nextLong() >>> 32);
    }

    /** Draws until {@code wanted} different values came up; the supply must hold at least that many. */
    static <T> List<T> distinct(int wanted, Supplier<T> draw) {
        List<T> picked = new ArrayList<>(wanted);
        while (picked.size() < wanted) {
            T candidate = draw.get();
            if (!picked.contains(candidate)) {
                picked.add(candidate);
            }
        }
        return picked;
    }

    /** Rounds a drawn figure as TMDb gives popularity and vote averages: to the thousandth. */
    static double thousandths(double value) {
        return Math.round(value * 1000.0) / 1000.0;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
