package org.cinegraph.command.yearimport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.cinegraph.events.CompleteYearImport;
import org.cinegraph.events.DateWindow;
import org.cinegraph.events.FailYearImport;
import org.cinegraph.events.ImportTrigger;
import org.cinegraph.events.PlannedWindow;
import org.cinegraph.events.RecordYearPlan;
import org.cinegraph.events.StartYearImport;
import org.cinegraph.events.YearImportCompleted;
import org.cinegraph.events.YearImportFailed;
import org.cinegraph.events.YearImportPlanned;
import org.cinegraph.events.YearImportStarted;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class YearImportTest {

    private static final List<PlannedWindow> WHOLE_YEAR = List.of(
            new PlannedWindow(DateWindow.wholeYear(2024), 300, 15));
    /** 2024 started by an admin and planned: running. */
    private static final List<Object> RUNNING = List.of(new YearImportStarted(2024, ImportTrigger.ADMIN),
            new YearImportPlanned(2024, 300, WHOLE_YEAR));
    /** 2024 started by the schedule, planned, and imported to its end. */
    private static final List<Object> COMPLETED = List.of(new YearImportStarted(2024, ImportTrigger.SCHEDULE),
            new YearImportPlanned(2024, 300, WHOLE_YEAR), new YearImportCompleted(2024, 300, 250, 50, 0));

    private FixtureConfiguration<YearImport> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(YearImport.class);
    }

    @Test
    void aYearNeverImportedStarts() {
        fixture.givenNoPriorActivity()
                .when(new StartYearImport(2024, ImportTrigger.ADMIN))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new YearImportStarted(2024, ImportTrigger.ADMIN));
    }

    @Test
    void cannotStartAYearThatIsAlreadyRunning() {
        fixture.given(new YearImportStarted(2024, ImportTrigger.SCHEDULE))
                .when(new StartYearImport(2024, ImportTrigger.ADMIN))
                .expectException(YearImportAlreadyRunningException.class)
                .expectNoEvents();
    }

    @Test
    void thePassNeverStartsACompletedYearAgain() {
        fixture.given(COMPLETED)
                .when(new StartYearImport(2024, ImportTrigger.NEXT))
                .expectException(YearImportAlreadyCompletedException.class)
                .expectNoEvents();
    }

    @Test
    void anAdminMayImportACompletedYearAgain() {
        fixture.given(COMPLETED)
                .when(new StartYearImport(2024, ImportTrigger.ADMIN))
                .expectEvents(new YearImportStarted(2024, ImportTrigger.ADMIN));
    }

    @Test
    void thePassStartsAFailedYearAgain() {
        fixture.given(new YearImportStarted(2024, ImportTrigger.SCHEDULE), new YearImportFailed(2024, "401"))
                .when(new StartYearImport(2024, ImportTrigger.CONTINUATION))
                .expectEvents(new YearImportStarted(2024, ImportTrigger.CONTINUATION));
    }

    @Test
    void theYearImportIsIdentifiedByItsYearInItsOwnNamespace() {
        fixture.givenNoPriorActivity()
                .when(new StartYearImport(1999, ImportTrigger.SCHEDULE))
                .expectEvents(new YearImportStarted(1999, ImportTrigger.SCHEDULE))
                .expectState(yearImport -> assertThat(yearImport).extracting("id").isEqualTo("year-import-1999"));
    }

    @Test
    void aFirstPlanIsRecordedAndItsWindowsAnswered() {
        fixture.given(new YearImportStarted(2024, ImportTrigger.ADMIN))
                .when(new RecordYearPlan(2024, 300, WHOLE_YEAR))
                .expectEvents(new YearImportPlanned(2024, 300, WHOLE_YEAR))
                .expectResultMessagePayload(WHOLE_YEAR);
    }

    @Test
    void aRunningYearIsPlannedOnceEvenWhenAResumedRunSendsThePlanAgain() {
        fixture.given(RUNNING)
                .when(new RecordYearPlan(2024, 301, WHOLE_YEAR))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aResumedRunIsAnsweredWithTheWindowsItsYearPlannedFirst() {
        List<PlannedWindow> halves = List.of(
                new PlannedWindow(new DateWindow(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 6, 30)), 160, 8),
                new PlannedWindow(new DateWindow(LocalDate.of(2024, 7, 1), LocalDate.of(2024, 12, 31)), 150, 8));
        fixture.given(RUNNING)
                .when(new RecordYearPlan(2024, 310, halves))
                .expectNoEvents()
                .expectResultMessagePayload(WHOLE_YEAR);
    }

    @Test
    void aYearCompletesWhenItsOutcomesAddUp() {
        fixture.given(RUNNING)
                .when(new CompleteYearImport(2024, 300, 240, 50, 10))
                .expectEvents(new YearImportCompleted(2024, 300, 240, 50, 10));
    }

    @Test
    void aYearCannotCompleteWithOutcomesThatDoNotAddUp() {
        fixture.given(RUNNING)
                .when(new CompleteYearImport(2024, 300, 240, 50, 9))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }

    @Test
    void aYearCannotCompleteBeforeItIsPlanned() {
        fixture.given(new YearImportStarted(2024, ImportTrigger.ADMIN))
                .when(new CompleteYearImport(2024, 0, 0, 0, 0))
                .expectException(IllegalStateException.class);
    }

    @Test
    void aCompletedYearCanRunAgainAndIsPlannedAnew() {
        fixture.given(new YearImportStarted(2024, ImportTrigger.ADMIN), new YearImportPlanned(2024, 300, WHOLE_YEAR),
                        new YearImportCompleted(2024, 300, 240, 50, 10), new YearImportStarted(2024, ImportTrigger.ADMIN))
                .when(new RecordYearPlan(2024, 305, WHOLE_YEAR))
                .expectEvents(new YearImportPlanned(2024, 305, WHOLE_YEAR))
                .expectResultMessagePayload(WHOLE_YEAR);
    }

    @Test
    void onlyARunningYearCanFailOrComplete() {
        fixture.given(new YearImportStarted(2024, ImportTrigger.ADMIN), new YearImportFailed(2024, "TMDb rejected"))
                .when(new FailYearImport(2024, "again"))
                .expectException(YearImportNotRunningException.class);
        fixture.givenNoPriorActivity()
                .when(new CompleteYearImport(2024, 0, 0, 0, 0))
                .expectException(Exception.class);
    }

    @Test
    void aFailedYearCanBeStartedAgain() {
        fixture.given(new YearImportStarted(2024, ImportTrigger.ADMIN), new YearImportFailed(2024, "TMDb rejected"))
                .when(new StartYearImport(2024, ImportTrigger.ADMIN))
                .expectEvents(new YearImportStarted(2024, ImportTrigger.ADMIN));
    }
}
