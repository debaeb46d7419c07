package org.cinegraph.kernel.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CachedReadingTest {

    private final AtomicLong nanos = new AtomicLong();
    private final AtomicInteger reads = new AtomicInteger();

    @Test
    void gaugesAskedWithinTheMaxAgeShareOneReading() {
        CachedReading<Integer> reading = new CachedReading<>(reads::incrementAndGet, Duration.ofSeconds(1), nanos::get);

        double first = reading.gauge(value -> value);
        nanos.addAndGet(Duration.ofMillis(999).toNanos());
        double second = reading.gauge(value -> value * 10);

        assertThat(reads).hasValue(1);
        assertThat(first).isEqualTo(1.0);
        assertThat(second).isEqualTo(10.0);
    }

    @Test
    void aReadingOlderThanTheMaxAgeIsTakenAgain() {
        CachedReading<Integer> reading = new CachedReading<>(reads::incrementAndGet, Duration.ofSeconds(1), nanos::get);

        reading.get();
        nanos.addAndGet(Duration.ofSeconds(1).toNanos());

        assertThat(reading.gauge(value -> value)).isEqualTo(2.0);
        assertThat(reads).hasValue(2);
    }

    @Test
    void aFailedReadingIsNanUntilAReadingSucceeds() {
        CachedReading<Integer> reading = new CachedReading<>(() -> {
            if (reads.incrementAndGet() == 1) {
                throw new IllegalStateException("the database is down");
            }
            return 7;
        }, Duration.ofSeconds(1), nanos::get);

        assertThat(reading.gauge(value -> value)).isNaN();
        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(reading.gauge(value -> value)).isEqualTo(7.0);
    }

    @Test
    void aReadingWithoutTheFigureIsNan() {
        CachedReading<Integer> reading = new CachedReading<>(() -> 3, Duration.ofSeconds(1), nanos::get);

        assertThat(reading.gauge(value -> null)).isNaN();
    }
}
