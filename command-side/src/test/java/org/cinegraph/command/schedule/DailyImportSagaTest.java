package org.cinegraph.command.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.test.saga.ContinuedGivenState;
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
    private static final DailyImportSettings HOURLY = new DailyImportSettings("0 0 * * * *", 2026, 2020, true, STALL_AFTER);

    private SagaTestFixture<DailyImportSaga> fixture;
    /** The schedule as the aggregate recorded it, which the saga reads when it decides. */
    private final AtomicReference<RecordedSchedule.Recorded> recorded =
            new AtomicReference<>(new RecordedSchedule.Recorded(true, DAILY));
    private final AtomicInteger passLocks = new AtomicInteger();

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(DailyImportSaga.class);
        // The saga's clock is the fixture's: time moves when the fixture says so.
        fixture.registerResource(new SuppliedClock(fixture::currentTime));
        fixture.registerResource(new RecordedSchedule(null) {
            @Override
            Optional<Recorded> recorded() {
                return Optional.of(recorded.get());
            }
        });
        fixture.registerResource((PassLock) passLocks::incrementAndGet);
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
        givenTheDailySchedule()
                .whenTimeElapses(Duration.ofDays(1))
                .expectDeadlinesMet(new DailyImportSaga.Tick(TWO_TOMORROW))
                .expectDispatchedCommands(TakeImportStep.tick(TWO_TOMORROW), new RefreshTmdbTotal())
                .expectScheduledDeadline(twoTheDayAfter, new DailyImportSaga.Tick(twoTheDayAfter))
                .expectNoScheduledDeadline(TWO_TOMORROW, new DailyImportSaga.Tick(TWO_TOMORROW));
    }

    @Test
    void aTickThatFiresLateIsOneStepAndTheNextTickAfterNowNotOneForEveryTickItMissed() {
        Instant threeDaysLater = NOW.plus(Duration.ofDays(3));
        fixture.givenCurrentTime(TWO_TODAY.minus(Duration.ofMinutes(1)))
                .andThenAPublished(new ImportScheduleStarted(SCHEDULE, DAILY))
                .whenTimeAdvancesTo(threeDaysLater)
                .expectDeadlinesMet(new DailyImportSaga.Tick(TWO_TODAY))
                .expectDispatchedCommands(TakeImportStep.tick(TWO_TODAY), new RefreshTmdbTotal())
                .expectScheduledDeadline(Instant.parse("2026-12-07T02:00:00Z"),
                        new DailyImportSaga.Tick(Instant.parse("2026-12-07T02:00:00Z")));
    }

    @Test
    void aTickOfAScheduleSwitchedOffMeanwhileTakesNoStepAndSchedulesNoTick() {
        givenTheDailySchedule();
        recorded.set(new RecordedSchedule.Recorded(false, DAILY));
        fixture.whenTimeElapses(Duration.ofDays(1))
                .expectDeadlinesMet(new DailyImportSaga.Tick(TWO_TOMORROW))
                .expectNoDispatchedCommands()
                .expectNoScheduledDeadlines();
    }

    @Test
    void aCompletedYearOfTheRangeIsFollowedAtOnceByTheNextStepWhenContinuous() {
        givenTheDailySchedule()
                .whenPublishingA(new YearImportCompleted(2025, 10, 8, 1, 1))
                .expectDispatchedCommands(TakeImportStep.after(2025));
    }

    @Test
    void withoutContinuousACompletedYearWaitsForTheNextTick() {
        recorded.set(new RecordedSchedule.Recorded(true, ONE_YEAR_A_DAY));
        fixture.givenCurrentTime(NOW)
                .andThenAPublished(new ImportScheduleStarted(SCHEDULE, ONE_YEAR_A_DAY))
                .whenPublishingA(new YearImportCompleted(2025, 10, 8, 1, 1))
                .expectNoDispatchedCommands()
                .expectScheduledDeadline(TWO_TOMORROW, new DailyImportSaga.Tick(TWO_TOMORROW));
    }

    @Test
    void aYearCompletedOutsideTheRangeDoesNotMoveThePass() {
        givenTheDailySchedule()
                .whenPublishingA(new YearImportCompleted(1999, 10, 8, 1, 1))
                .expectNoDispatchedCommands();
    }

    @Test
    void aFailedYearAsksThePassWhetherItHeldThePassUpAndKeepsTheTick() {
        givenTheDailySchedule()
                .whenPublishingA(new YearImportFailed(2025, "TMDb refused the credentials"))
                .expectDispatchedCommands(TakeImportStep.afterFailure(2025))
                .expectScheduledDeadline(TWO_TOMORROW, new DailyImportSaga.Tick(TWO_TOMORROW));
    }

    @Test
    void aChangedCronReschedulesTheTickUnderThePassLockAndLeavesNoTickOfTheOldCron() {
        Instant elevenToday = Instant.parse("2026-12-03T11:00:00Z");
        givenTheDailySchedule()
                .whenPublishingA(new ImportScheduleChanged(SCHEDULE, HOURLY, DAILY))
                .expectActiveSagas(1)
                .expectScheduledDeadline(elevenToday, new DailyImportSaga.Tick(elevenToday))
                .expectNoScheduledDeadline(TWO_TOMORROW, new DailyImportSaga.Tick(TWO_TOMORROW));
        assertThat(passLocks).hasValue(1);
    }

    @Test
    void aChangeThatKeepsTheCronLeavesTheTickWhereItIs() throws Exception {
        DailyImportSettings longerRange = new DailyImportSettings("0 0 2 * * *", 2026, 1874, true, STALL_AFTER);
        givenTheDailySchedule()
                .andThenTimeElapses(Duration.ofHours(1))
                .whenPublishingA(new ImportScheduleChanged(SCHEDULE, longerRange, DAILY))
                .expectScheduledDeadline(TWO_TOMORROW, new DailyImportSaga.Tick(TWO_TOMORROW));
        assertThat(passLocks).hasValue(0);
    }

    @Test
    void stoppingTheScheduleEndsTheSagaAndLeavesNoDeadline() {
        givenTheDailySchedule()
                .andThenAPublished(new YearImportStarted(2026, ImportTrigger.SCHEDULE))
                .whenPublishingA(new ImportScheduleStopped(SCHEDULE))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }

    @Test
    void aStartedYearIsLookedAtOnceItCouldHaveStalled() {
        givenTheDailySchedule()
                .whenPublishingA(new YearImportStarted(2026, ImportTrigger.ADMIN))
                .expectScheduledDeadline(STALL_AFTER, new DailyImportSaga.StallCheck(2026))
                .expectNoDispatchedCommands();
    }

    @Test
    void aStallCheckAsksToTakeTheYearOverAndLooksAgainWhenThePassSays() {
        Instant lookAgain = NOW.plus(STALL_AFTER).plus(Duration.ofHours(3));
        fixture.setCallbackBehavior((command, metaData) -> lookAgain);
        givenTheDailySchedule()
                .andThenAPublished(new YearImportStarted(2026, ImportTrigger.SCHEDULE))
                .whenTimeElapses(STALL_AFTER)
                .expectDispatchedCommands(new TakeOverStalledYear(2026, STALL_AFTER))
                .expectScheduledDeadline(lookAgain, new DailyImportSaga.StallCheck(2026));
    }

    @Test
    void aYearThatNoLongerRunsIsNotLookedAtAgain() {
        fixture.setCallbackBehavior((command, metaData) -> null);
        givenTheDailySchedule()
                .andThenAPublished(new YearImportStarted(2026, ImportTrigger.SCHEDULE))
                .whenTimeElapses(STALL_AFTER)
                .expectDispatchedCommands(new TakeOverStalledYear(2026, STALL_AFTER))
                .expectNoScheduledDeadlineOfType(NOW, NOW.plus(Duration.ofDays(30)), DailyImportSaga.StallCheck.class);
    }

    /** Now, with the daily schedule started. */
    private ContinuedGivenState givenTheDailySchedule() {
        return fixture.givenCurrentTime(NOW).andThenAPublished(new ImportScheduleStarted(SCHEDULE, DAILY));
    }
}
