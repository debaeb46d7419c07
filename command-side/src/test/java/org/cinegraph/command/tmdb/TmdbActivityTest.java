package org.cinegraph.command.tmdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.cinegraph.command.SuppliedClock;
import org.junit.jupiter.api.Test;

class TmdbActivityTest {

    private static final Instant TEN = Instant.parse("2026-05-01T10:00:30Z");

    private final AtomicReference<Instant> now = new AtomicReference<>(TEN);
    private final Clock clock = new SuppliedClock(now::get);
    private final TmdbActivity activity = new TmdbActivity(clock);

    @Test
    void eachMinuteCountsInItsOwnBucketOldestFirstAndQuietMinutesAreZero() {
        activity.requested();
        activity.requested();
        activity.rateLimited();
        now.set(TEN.plus(Duration.ofSeconds(100)));
        activity.requested();

        List<TmdbActivity.Minute> minutes = activity.lastMinutes(now.get(), 3);

        assertThat(minutes).containsExactly(
                new TmdbActivity.Minute(Instant.parse("2026-05-01T10:00:00Z"), 2, 1),
                new TmdbActivity.Minute(Instant.parse("2026-05-01T10:01:00Z"), 0, 0),
                new TmdbActivity.Minute(Instant.parse("2026-05-01T10:02:00Z"), 1, 0));
    }

    @Test
    void aSlotTakenOverByTheSameMinuteADayLaterForgetsTheOldCount() {
        for (int i = 0; i < 5; i++) {
            activity.requested();
        }
        Instant dayLater = TEN.plus(Duration.ofDays(1));
        assertThat(activity.lastMinutes(dayLater, 1).get(0).requests()).as("not counted yet this minute").isZero();

        now.set(dayLater);
        activity.requested();

        assertThat(activity.lastMinutes(dayLater, 1).get(0).requests()).isEqualTo(1);
        assertThat(activity.lastMinutes(dayLater, TmdbActivity.MINUTES).stream()
                .mapToLong(TmdbActivity.Minute::requests).sum()).isEqualTo(1);
    }

    @Test
    void threadsCountingAtOnceLoseNoCount() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> counting = new ArrayList<>();
            for (int thread = 0; thread < 8; thread++) {
                counting.add(threads.submit(() -> {
                    for (int i = 0; i < 10_000; i++) {
                        activity.requested();
                    }
                }));
            }
            for (Future<?> done : counting) {
                done.get();
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(activity.lastMinutes(TEN, 1).get(0).requests()).isEqualTo(80_000);
    }

    @Test
    void asksForAtLeastAMinuteAndAtMostADay() {
        assertThatThrownBy(() -> activity.lastMinutes(TEN, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> activity.lastMinutes(TEN, TmdbActivity.MINUTES + 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(activity.lastMinutes(TEN, TmdbActivity.MINUTES)).hasSize(TmdbActivity.MINUTES);
    }
}
