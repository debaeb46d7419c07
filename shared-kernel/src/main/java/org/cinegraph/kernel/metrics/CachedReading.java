package org.cinegraph.kernel.metrics;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A reading of the database for gauges, taken at most once per {@code maxAge}: Prometheus asks every gauge of a
 * scrape one after the other, and the gauges that share a reading (every projection's lag, say) must cost one query,
 * not one each. A reading that failed is empty, so its gauges say NaN (unknown) rather than a figure that is false,
 * and is tried again at the next scrape after {@code maxAge}. A gauge must hold its reading strongly
 * ({@code Gauge.Builder.strongReference(true)}): Micrometer holds a gauge's object weakly, and a reading nothing else
 * holds would be collected, its gauges NaN from then on.
 */
public final class CachedReading<T> {

    private final Supplier<T> read;
    private final long maxAgeNanos;
    private final LongSupplier nanoTime;
    private Optional<T> last = Optional.empty();
    private long readAt;
    private boolean taken;

    public CachedReading(Supplier<T> read, Duration maxAge) {
        this(read, maxAge, System::nanoTime);
    }

    CachedReading(Supplier<T> read, Duration maxAge, LongSupplier nanoTime) {
        this.read = read;
        this.maxAgeNanos = maxAge.toNanos();
        this.nanoTime = nanoTime;
    }

    /** The latest reading, taken now when the last one is older than {@code maxAge}; empty when it failed. */
    public synchronized Optional<T> get() {
        long now = nanoTime.getAsLong();
        if (!taken || now - readAt >= maxAgeNanos) {
            last = readSafely();
            readAt = now;
            taken = true;
        }
        return last;
    }

    /** The value {@code gauge} takes of the latest reading, or NaN when there is none or it has none. */
    public double gauge(Function<T, ? extends Number> gauge) {
        return get().map(gauge).map(Number::doubleValue).orElse(Double.NaN);
    }

    private Optional<T> readSafely() {
        try {
            return Optional.ofNullable(read.get());
        } catch (RuntimeException failed) {
            return Optional.empty();
        }
    }
}
