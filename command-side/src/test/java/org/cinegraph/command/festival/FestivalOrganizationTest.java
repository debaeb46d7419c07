package org.cinegraph.command.festival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cinegraph.command.festival.CeremonyImport.AMPAS;
import static org.cinegraph.command.festival.CeremonyImport.AMPAS_NAME;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.cinegraph.events.FestivalOrganizationRegistered;
import org.cinegraph.events.RegisterFestivalOrganization;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FestivalOrganizationTest {

    private FixtureConfiguration<FestivalOrganization> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(FestivalOrganization.class);
    }

    @Test
    void aNewOrganizationIsRegistered() {
        fixture.givenNoPriorActivity()
                .when(new RegisterFestivalOrganization(AMPAS, AMPAS_NAME))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new FestivalOrganizationRegistered(AMPAS, AMPAS_NAME));
    }

    @Test
    void registeringAnOrganizationAgainRecordsNothing() {
        fixture.given(new FestivalOrganizationRegistered(AMPAS, AMPAS_NAME))
                .when(new RegisterFestivalOrganization(AMPAS, AMPAS_NAME))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anOrganizationKeepsTheNameItWasFirstRegisteredUnder() {
        fixture.given(new FestivalOrganizationRegistered(AMPAS, AMPAS_NAME))
                .when(new RegisterFestivalOrganization(AMPAS, "The Academy"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anOrganizationIsIdentifiedByItsAbbreviationInItsOwnNamespace() {
        fixture.givenNoPriorActivity()
                .when(new RegisterFestivalOrganization(AMPAS, AMPAS_NAME))
                .expectEvents(new FestivalOrganizationRegistered(AMPAS, AMPAS_NAME))
                .expectState(organization -> assertThat(organization).extracting("id")
                        .isEqualTo("festival-organization-AMPAS"));
    }
}
