package org.cinegraph.command.schedule;

import java.time.Duration;
import java.time.Instant;
import org.axonframework.test.saga.SagaTestFixture;
import org.cinegraph.command.SuppliedClock;
import org.cinegraph.events.ConfigureDailyImport;
import org.cinegraph.events.DailyImportSettings;
import org.cinegraph.events.ImportScheduleChanged;
import org.cinegraph.events.ImportScheduleStarted;
import org.cinegraph.events.ImportScheduleStopped;
import org.cinegraph.events.ImportTrigger;
import org.cinegraph.events.RefreshTmdbTotal;
import org.cinegraph.events.TakeImportStep;
import org.cinegraph.events.TakeOverStalledYear;
import org.cinegraph.events.YearImportCompleted;
import org.cinegraph.events.YearImportFailed;
import org.cinegraph.events.YearImportStarted;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DailyImportSagaTest {

    private static final String SCHEDULE = ConfigureDailyImport.SCHEDULE_ID;
    private static final Instant NOW = Instant.parse("2026-12-03T10:15:00Z");
    private static final Instant TWO_TODAY = Instant.parse("2026-12-03T02:00:00Z");
    private static final Instant TWO_TOMORROW = Instant.parse("2026-12-04T02:00:00Z");
    private static final Duration STALL_AFTER = Duration.ofHours(4);
    private static final DailyImportSettings DAILY = new DailyImportSettings("0 0 2 * * *", 2026, 2020, true, STALL_AFTER);
    private static final DailyImportSettings ONE_YEAR_A_DAY =
            new DailyImportSettings("0 0 2 * * *", 2026, 2020, false, STALL_AFTER);

    private SagaTestFixture<DailyImportSaga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(DailyImportSaga.class);
        // The saga's clock is the fixture's: time moves when the fixture says so.
        fixture.registerResource(new SuppliedClock(fixture::currentTime));
    }

    @Test
    void switchingTheScheduleOnSchedulesTheFirstTickAtTheNextCronTime() {
        fixture.givenCurrentTime(NOW)
                .whenPublishingA(new ImportScheduleStarted(SCHEDULE, DAILY))
                .expectActiveSagas(1)
                .expectScheduledDeadline(TWO_TOMORROW, new DailyImportSaga.Tick(TWO_TOMORROW))
                .expectNoDispatchedCommands();
    }

    @Test
    void aTickTakesAStepOfThePassRefreshesTmdbsTotalAndSchedulesTheNextTick() {
        Instant twoTheDayAfter = TWO_TOMORROW.plus(Duration.ofDays(1));
        fixture.givenCurrentTime(NOW)
                .andThenAPublished(new ImportScheduleStarted(SCHEDULE, DAILY))
                .whenTimeElapses(Duration.ofDays(1))
                .expectDeadlinesMet(new DailyImportSaga.Tick(TWO_TOMORROW))
                .expectDispatchedCommands(TakeImportStep.tick(TWO_TOMORROW), new RefreshTmdbTotal())
                .expectScheduledDeadline(twoTheDayAfter, new DailyImportSaga.Tick(twoTheDayAfter))
                .expectNoScheduledDeadline(TWO_TOMORROW, new DailyImportSaga.Tick(TWO_TOMORROW));
    }

    @Test
    void aTickThatFiresLateIsFollowedByTheNextTickAfterNowNotByEveryTickItMissed() throws Exception {
        fixture.givenCurrentTime(TWO_TODAY.minus(Duration.ofMinutes(1)))
                .andThenAPublished(new ImportScheduleStarted(SCHEDULE, DAILY))
                .andThenTimeAdvancesTo(NOW.plus(Duration.ofDays(3)))
                .whenTimeElapses(Duration.ofMinutes(1))
                // The tick due at 02:00 today fired when time moved on: one step, and one next tick, after "now".
                .expectScheduledDeadlineWithName(Instant.parse("2026-12-07T02:00:00Z"), DailyImportSaga.TICK)
                .expectNoScheduledDeadlineWithName(TWO_TODAY, Instant.parse("2026-12-07T01:59:59Z"),
                        DailyImportSaga.TICK);
    }

    @Test
    void aCompletedYearOfTheRangeIsFollowedAtOnceByTheNextStepWhenContinuous() {
        fixture.givenCurrentTime(NOW)
                .andThenAPublished(new ImportScheduleStarted(SCHEDULE, DAILY))
                .whenPublishingA(new YearImportCompleted(2025, 10, 8, 1, 1))
                .expectDispatchedCommands(TakeImportStep.after(2025));
    }

    @Test
    void withoutContinuousACompletedYearWaitsForTheNextTick() {
        fixture.givenCurrentTime(NOW)
                .andThenAPublished(new ImportScheduleStarted(SCHEDULE, ONE_YEAR_A_DAY))
                .whenPublishingA(new YearImportCompleted(2025, 10, 8, 1, 1))
                .expectNoDispatchedCommands()
                .expectScheduledDeadline(TWO_TOMORROW, new DailyImportSaga.Tick(TWO_TOMORROW));
    }

    @Test
    void aYearCompletedOutsideTheRangeDoesNotMoveThePass() {
        fixture.givenCurrentTime(NOW)
                .andThenAPublished(new ImportScheduleStarted(SCHEDULE, DAILY))
                .whenPublishingA(new YearImportCompleted(1999, 10, 8, 1, 1))
                .expectNoDispatchedCommands();
    }

    @Test
    void aFailedYearWaitsForTheNextTick() {
        fixture.givenCurrentTime(NOW)
                .andThenAPublished(new ImportScheduleStarted(SCHEDULE, DAILY))
                .whenPublishingA(new YearImportFailed(2025, "TMDb refused the credentials"))
                .expectNoDispatchedCommands()
                .expectScheduledDeadline(TWO_TOMORROW, new DailyImportSaga.Tick(TWO_TOMORROW));
    }

    @Test
    void aChangedCronReschedulesTheTickAndLeavesNoTickOfTheOldCron() {
        DailyImportSettings hourly = new DailyImportSettings("0 0 * * * *", 2026, 2020, true, STALL_AFTER);
        Instant elevenToday = Instant.parse("2026-12-03T11:00:00Z");
        fixture.givenCurrentTime(NOW)
                .andThenAPublished(new ImportScheduleStarted(SCHEDULE, DAILY))
                .whenPublishingA(new ImportScheduleChanged(SCHEDULE, hourly))
                .expectActiveSagas(1)
                .expectScheduledDeadline(elevenToday, new DailyImportSaga.Tick(elevenToday))
                .expectNoScheduledDeadline(TWO_TOMORROW, new DailyImportSaga.Tick(TWO_TOMORROW));
    }

    @Test
    void stoppingTheScheduleEndsTheSagaAndLeavesNoDeadline() {
        fixture.givenCurrentTime(NOW)
                .andThenAPublished(new ImportScheduleStarted(SCHEDULE, DAILY))
                .andThenAPublished(new YearImportStarted(2026, ImportTrigger.SCHEDULE))
                .whenPublishingA(new ImportScheduleStopped(SCHEDULE))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }

    @Test
    void aStartedYearIsLookedAtOnceItCouldHaveStalled() {
        fixture.givenCurrentTime(NOW)
                .andThenAPublished(new ImportScheduleStarted(SCHEDULE, DAILY))
                .whenPublishingA(new YearImportStarted(2026, ImportTrigger.ADMIN))
                .expectScheduledDeadline(STALL_AFTER, new DailyImportSaga.StallCheck(2026))
                .expectNoDispatchedCommands();
    }

    @Test
    void aStallCheckAsksToTakeTheYearOverAndLooksAgainWhenThePassSays() {
        Instant lookAgain = NOW.plus(STALL_AFTER).plus(Duration.ofHours(3));
        fixture.setCallbackBehavior((command, metaData) -> lookAgain);
        fixture.givenCurrentTime(NOW)
                .andThenAPublished(new ImportScheduleStarted(SCHEDULE, DAILY))
                .andThenAPublished(new YearImportStarted(2026, ImportTrigger.SCHEDULE))
                .whenTimeElapses(STALL_AFTER)
                .expectDispatchedCommands(new TakeOverStalledYear(2026, STALL_AFTER))
                .expectScheduledDeadline(lookAgain, new DailyImportSaga.StallCheck(2026));
    }

    @Test
    void aYearThatNoLongerRunsIsNotLookedAtAgain() {
        fixture.setCallbackBehavior((command, metaData) -> null);
        fixture.givenCurrentTime(NOW)
                .andThenAPublished(new ImportScheduleStarted(SCHEDULE, DAILY))
                .andThenAPublished(new YearImportStarted(2026, ImportTrigger.SCHEDULE))
                .whenTimeElapses(STALL_AFTER)
                .expectDispatchedCommands(new TakeOverStalledYear(2026, STALL_AFTER))
                .expectNoScheduledDeadlineOfType(NOW, NOW.plus(Duration.ofDays(30)), DailyImportSaga.StallCheck.class);
    }
}
