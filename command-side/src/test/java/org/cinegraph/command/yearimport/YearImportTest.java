package org.cinegraph.command.yearimport;

import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.cinegraph.events.ImportTrigger;
import org.cinegraph.events.StartYearImport;
import org.cinegraph.events.YearImportStarted;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class YearImportTest {

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
    void theYearImportIsIdentifiedByItsYearInItsOwnNamespace() {
        fixture.givenNoPriorActivity()
                .when(new StartYearImport(1999, ImportTrigger.SCHEDULE))
                .expectEvents(new YearImportStarted(1999, ImportTrigger.SCHEDULE))
                .expectState(yearImport -> assertThat(yearImport)
                        .extracting("id").isEqualTo("year-import-1999"));
    }
}
