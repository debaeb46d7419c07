package org.cinegraph.command.tmdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** A request runs with the logging context of the thread that submitted it, and leaves none behind on its thread. */
class TmdbRequestPoolTest {

    /** One connection: every request runs on the same thread, so what one left behind the next would see. */
    private static final TmdbLimits ONE_THREAD = new TmdbLimits(40, 1, 1, Duration.ZERO, Duration.ZERO, 1);

    @AfterEach
    void clear() {
        MDC.clear();
    }

    @Test
    void aRequestSeesTheSubmittersYearAndTheNextRequestOfAnotherSubmitterDoesNot() throws Exception {
        try (TmdbRequestPool pool = new TmdbRequestPool(ONE_THREAD, "test")) {
            MDC.put("year", "1999");
            assertThat(pool.submit(() -> MDC.get("year")).get()).isEqualTo("1999");

            MDC.clear();
            assertThat(pool.submit(() -> MDC.get("year")).get()).isNull();

            MDC.put("year", "2001");
            assertThat(pool.submit(() -> MDC.get("year")).get()).isEqualTo("2001");
        }
    }
}
