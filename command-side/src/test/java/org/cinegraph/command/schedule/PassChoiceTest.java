package org.cinegraph.command.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.cinegraph.command.schedule.PassChoice.Kind;
import org.cinegraph.kernel.settings.ImportRange;
import org.junit.jupiter.api.Test;

class PassChoiceTest {

    private final ImportRange range = new ImportRange(2026, 2020);

    @Test
    void aPassThatNeverRanStartsWithTheFirstYearOfTheRange() {
        assertThat(PassChoice.of(range, Map.of(), List.of())).isEqualTo(new PassChoice(Kind.NEXT_YEAR, 2026));
    }

    @Test
    void completedYearsAreSkippedNewestFirst() {
        assertThat(PassChoice.of(range, Map.of(2026, "completed", 2025, "completed", 2023, "completed"), List.of()))
                .isEqualTo(new PassChoice(Kind.NEXT_YEAR, 2024));
    }

    @Test
    void aRunningYearIsResumedRatherThanAnotherStarted() {
        assertThat(PassChoice.of(range, Map.of(2026, "completed", 2025, "importing"), List.of()))
                .isEqualTo(new PassChoice(Kind.RUNNING_YEAR, 2025));
        // A year an admin started out of turn counts too: the pass waits for it.
        assertThat(PassChoice.of(range, Map.of(2021, "importing"), List.of()))
                .isEqualTo(new PassChoice(Kind.RUNNING_YEAR, 2021));
    }

    @Test
    void aFailedYearIsStartedAgainBeforeAnyOlderYear() {
        assertThat(PassChoice.of(range, Map.of(2026, "completed", 2025, "failed"), List.of()))
                .isEqualTo(new PassChoice(Kind.NEXT_YEAR, 2025));
    }

    @Test
    void yearsOutsideTheRangeAreIgnored() {
        assertThat(PassChoice.of(range, Map.of(2019, "importing", 2027, "importing"), List.of()))
                .isEqualTo(new PassChoice(Kind.NEXT_YEAR, 2026));
    }

    @Test
    void aRangeWhoseEveryYearIsCompletedIsComplete() {
        ImportRange twoYears = new ImportRange(2026, 2025);
        assertThat(PassChoice.of(twoYears, Map.of(2026, "completed", 2025, "completed"), List.of()))
                .isEqualTo(new PassChoice(Kind.RANGE_COMPLETE, null));
    }

    @Test
    void priorityYearsGoBeforeTheNewestYearInTheirOrder() {
        assertThat(PassChoice.of(range, Map.of(), List.of(2022, 2024)))
                .isEqualTo(new PassChoice(Kind.NEXT_YEAR, 2022));
        assertThat(PassChoice.of(range, Map.of(2022, "completed"), List.of(2022, 2024)))
                .isEqualTo(new PassChoice(Kind.NEXT_YEAR, 2024));
    }

    @Test
    void aRunningYearIsResumedBeforeAnyPriorityYear() {
        assertThat(PassChoice.of(range, Map.of(2026, "importing"), List.of(2022)))
                .isEqualTo(new PassChoice(Kind.RUNNING_YEAR, 2026));
    }

    @Test
    void completedPriorityYearsAreSkippedAndTheNewestFollowsThem() {
        assertThat(PassChoice.of(range, Map.of(2022, "completed", 2024, "completed", 2026, "completed"),
                List.of(2022, 2024))).isEqualTo(new PassChoice(Kind.NEXT_YEAR, 2025));
    }

    @Test
    void aFailedPriorityYearIsStartedAgainAtItsPlace() {
        assertThat(PassChoice.of(range, Map.of(2022, "failed"), List.of(2022, 2024)))
                .isEqualTo(new PassChoice(Kind.NEXT_YEAR, 2022));
    }

    @Test
    void priorityYearsOutsideTheRangeArePassedOver() {
        assertThat(PassChoice.of(range, Map.of(), List.of(2019, 2027, 2021)))
                .isEqualTo(new PassChoice(Kind.NEXT_YEAR, 2021));
        assertThat(PassChoice.of(new ImportRange(2026, 2025), Map.of(2026, "completed", 2025, "completed"),
                List.of(2019))).isEqualTo(new PassChoice(Kind.RANGE_COMPLETE, null));
    }
}
