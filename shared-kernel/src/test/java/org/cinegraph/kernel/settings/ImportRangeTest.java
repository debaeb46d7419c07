package org.cinegraph.kernel.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ImportRangeTest {

    @Test
    void yearsRunNewestFirst() {
        assertThat(new ImportRange(2026, 2023).years()).containsExactly(2026, 2025, 2024, 2023);
    }

    @Test
    void theNextYearIsTheNewestNotStarted() {
        ImportRange range = new ImportRange(2026, 2023);
        assertThat(range.nextNotStarted(Set.of())).contains(2026);
        assertThat(range.nextNotStarted(Set.of(2026, 2024))).contains(2025);
        assertThat(range.nextNotStarted(Set.of(2026, 2025, 2024, 2023))).isEmpty();
    }

    @Test
    void aRangeContainsItsYearsFromTheFirstToTheLast() {
        ImportRange range = new ImportRange(2026, 2023);
        assertThat(range.contains(2026)).isTrue();
        assertThat(range.contains(2023)).isTrue();
        assertThat(range.contains(2027)).isFalse();
        assertThat(range.contains(2022)).isFalse();
    }

    @Test
    void aRangeMustRunBackwardsFromTmdbsFirstYearOn() {
        assertThatThrownBy(() -> new ImportRange(2020, 2021)).hasMessageContaining("newest first");
        assertThatThrownBy(() -> new ImportRange(2020, 1800)).hasMessageContaining("1874");
    }
}
