package org.cinegraph.command.festival;

import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.cinegraph.events.CeremonyScraped;
import org.cinegraph.events.NominationRecorded;
import org.cinegraph.events.NominationWithdrawn;
import org.cinegraph.events.RecordCeremony;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CeremonyTest {

    private static final String URL = "https://www.oscars.org/oscars/ceremonies/2024";
    private static final RecordCeremony.Nomination OPPENHEIMER =
            new RecordCeremony.Nomination("Oppenheimer", List.of("Emma Thomas, Producers"), null, true);
    private static final RecordCeremony.Nomination BARBIE =
            new RecordCeremony.Nomination("Barbie", List.of("David Heyman, Producers"), null, false);

    private FixtureConfiguration<Ceremony> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Ceremony.class);
    }

    @Test
    void aFirstReadingRecordsTheCeremonyAndEachNomination() {
        fixture.givenNoPriorActivity()
                .when(reading("hash-1", OPPENHEIMER, BARBIE))
                .expectResultMessagePayload(2)
                .expectEvents(scraped("hash-1"),
                        recorded(OPPENHEIMER), recorded(BARBIE));
    }

    @Test
    void theSamePageReadAgainRecordsNothing() {
        fixture.given(scraped("hash-1"), recorded(OPPENHEIMER), recorded(BARBIE))
                .when(reading("hash-1", OPPENHEIMER, BARBIE))
                .expectResultMessagePayload(0)
                .expectNoEvents();
    }

    @Test
    void aChangedPageRecordsOnlyWhatChanged() {
        RecordCeremony.Nomination barbieWon = new RecordCeremony.Nomination("Barbie", BARBIE.names(), null, true);
        RecordCeremony.Nomination oppenheimerLost =
                new RecordCeremony.Nomination("Oppenheimer", OPPENHEIMER.names(), null, false);
        RecordCeremony.Nomination poorThings =
                new RecordCeremony.Nomination("Poor Things", List.of("Ed Guiney, Producers"), null, false);
        fixture.given(scraped("hash-1"), recorded(OPPENHEIMER), recorded(BARBIE))
                .when(reading("hash-2", barbieWon, poorThings))
                .expectResultMessagePayload(3)
                .expectEvents(scraped("hash-2"), recorded(barbieWon), recorded(poorThings),
                        new NominationWithdrawn("AMPAS", 2024, "Best Picture", "Oppenheimer", OPPENHEIMER.names(),
                                null));
        fixture.given(scraped("hash-1"), recorded(OPPENHEIMER))
                .when(reading("hash-3", oppenheimerLost))
                .expectEvents(scraped("hash-3"), recorded(oppenheimerLost));
    }

    private static RecordCeremony reading(String hash, RecordCeremony.Nomination... nominations) {
        return new RecordCeremony("AMPAS", 2024, 96, URL, hash,
                List.of(new RecordCeremony.Category("Best Picture", List.of(nominations))));
    }

    private static CeremonyScraped scraped(String hash) {
        return new CeremonyScraped("AMPAS", 2024, 96, URL, hash, List.of("Best Picture"));
    }

    private static NominationRecorded recorded(RecordCeremony.Nomination nomination) {
        return new NominationRecorded("AMPAS", 2024, "Best Picture", nomination.film(), nomination.names(),
                nomination.detail(), nomination.winner());
    }
}
