package org.cinegraph.command.schedule;

import java.time.Duration;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.cinegraph.events.ConfigureDailyImport;
import org.cinegraph.events.DailyImportSettings;
import org.cinegraph.events.ImportScheduleChanged;
import org.cinegraph.events.ImportScheduleStarted;
import org.cinegraph.events.ImportScheduleStopped;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DailyImportTest {

    private static final String SCHEDULE = ConfigureDailyImport.SCHEDULE_ID;
    private static final DailyImportSettings DAILY =
            new DailyImportSettings("0 0 2 * * *", 2026, 1874, true, Duration.ofHours(4));
    private static final DailyImportSettings HOURLY =
            new DailyImportSettings("0 0 * * * *", 2026, 1874, true, Duration.ofHours(4));

    private FixtureConfiguration<DailyImport> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(DailyImport.class);
    }

    @Test
    void theFirstNodeWithTheScheduleOnStartsIt() {
        fixture.givenNoPriorActivity()
                .when(new ConfigureDailyImport(true, DAILY))
                .expectEvents(new ImportScheduleStarted(SCHEDULE, DAILY));
    }

    @Test
    void aNodeStartingWithTheSameSettingsRecordsNothing() {
        fixture.given(new ImportScheduleStarted(SCHEDULE, DAILY))
                .when(new ConfigureDailyImport(true, DAILY))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aNodeStartingWithOtherSettingsChangesTheSchedule() {
        fixture.given(new ImportScheduleStarted(SCHEDULE, DAILY))
                .when(new ConfigureDailyImport(true, HOURLY))
                .expectEvents(new ImportScheduleChanged(SCHEDULE, HOURLY, DAILY));
    }

    @Test
    void settingsChangedBackAreAChangeToo() {
        fixture.given(new ImportScheduleStarted(SCHEDULE, DAILY), new ImportScheduleChanged(SCHEDULE, HOURLY, DAILY))
                .when(new ConfigureDailyImport(true, DAILY))
                .expectEvents(new ImportScheduleChanged(SCHEDULE, DAILY, HOURLY));
    }

    @Test
    void aNodeStartingWithTheScheduleOffStopsIt() {
        fixture.given(new ImportScheduleStarted(SCHEDULE, DAILY))
                .when(new ConfigureDailyImport(false, DAILY))
                .expectEvents(new ImportScheduleStopped(SCHEDULE));
    }

    @Test
    void aStoppedScheduleIsStoppedOnce() {
        fixture.given(new ImportScheduleStarted(SCHEDULE, DAILY), new ImportScheduleStopped(SCHEDULE))
                .when(new ConfigureDailyImport(false, HOURLY))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aScheduleThatWasNeverOnRecordsNothingWhenOff() {
        fixture.givenNoPriorActivity()
                .when(new ConfigureDailyImport(false, DAILY))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aStoppedScheduleSwitchedOnAgainStartsAgain() {
        fixture.given(new ImportScheduleStarted(SCHEDULE, DAILY), new ImportScheduleStopped(SCHEDULE))
                .when(new ConfigureDailyImport(true, DAILY))
                .expectEvents(new ImportScheduleStarted(SCHEDULE, DAILY));
    }
}
