package org.cinegraph.command.tmdb;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The requests this node sent to TMDb and the 429s TMDb answered, minute by minute over the last day, for the
 * dashboard's chart. Each minute of the day has one slot that holds its minute and its count in a single long,
 * so threads counting at once, and a slot passing on to a new minute, lose nothing, take no lock and allocate
 * nothing. It lives in memory only: a restart starts from zero, and each node counts its own requests.
 */
public final class TmdbActivity {

    /** A day of minutes. */
    public static final int MINUTES = 24 * 60;
    private static final long MILLIS_PER_MINUTE = 60_000;
    private static final int COUNT_BITS = 32;
    private static final long COUNT_MASK = (1L << COUNT_BITS) - 1;

    private final Clock clock;
    private final AtomicLongArray requests = new AtomicLongArray(MINUTES);
    private final AtomicLongArray rateLimited = new AtomicLongArray(MINUTES);

    public TmdbActivity(Clock clock) {
        this.clock = clock;
    }

    /** A request went out: answered with any status, or not at all. */
    void requested() {
        count(requests);
    }

    /** TMDb answered 429 Too Many Requests. */
    void rateLimited() {
        count(rateLimited);
    }

    /**
     * The last {@code minutes} minutes up to the one {@code now} falls in, oldest first, every minute present.
     *
     * @param minutes 1 to {@value #MINUTES}
     */
    public List<Minute> lastMinutes(Instant now, int minutes) {
        if (minutes < 1 || minutes > MINUTES) {
            throw new IllegalArgumentException("minutes must be between 1 and " + MINUTES + ", not " + minutes);
        }
        long current = Math.floorDiv(now.toEpochMilli(), MILLIS_PER_MINUTE);
        List<Minute> counted = new ArrayList<>(minutes);
        for (long minute = current - minutes + 1; minute <= current; minute++) {
            counted.add(new Minute(Instant.ofEpochMilli(minute * MILLIS_PER_MINUTE),
                    read(requests, minute), read(rateLimited, minute)));
        }
        return counted;
    }

    private void count(AtomicLongArray counts) {
        long minute = Math.floorDiv(clock.millis(), MILLIS_PER_MINUTE);
        int slot = (int) Math.floorMod(minute, MINUTES);
        while (true) {
            long held = counts.get(slot);
            long heldMinute = held >>> COUNT_BITS;
            if (heldMinute > minute) {
                // A day later already counts in this slot: this count is too old to show.
                return;
            }
            long next = heldMinute == minute ? held + 1 : minute << COUNT_BITS | 1;
            if (counts.compareAndSet(slot, held, next)) {
                return;
            }
        }
    }

    private static long read(AtomicLongArray counts, long minute) {
        long held = counts.get((int) Math.floorMod(minute, MINUTES));
        return held >>> COUNT_BITS == minute ? held & COUNT_MASK : 0;
    }

    public record Minute(Instant start, long requests, long rateLimited) {
    }
}
