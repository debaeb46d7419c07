package org.cinegraph.kernel.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ImportYearsTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void acceptsTheFirstYearTmdbKnowsAndAnnouncedYearsAhead() {
        assertThat(ImportYears.requireImportable(1874, clock)).isEqualTo(1874);
        assertThat(ImportYears.requireImportable(2036, clock)).isEqualTo(2036);
    }

    @Test
    void rejectsYearsBeforeTheFirstMovieAndTooFarAhead() {
        assertThatThrownBy(() -> ImportYears.requireImportable(1873, clock))
                .isInstanceOf(YearOutOfRangeException.class)
                .hasMessageContaining("1873").hasMessageContaining("1874 to 2036");
        assertThatThrownBy(() -> ImportYears.requireImportable(2037, clock))
                .isInstanceOf(YearOutOfRangeException.class);
    }
}
