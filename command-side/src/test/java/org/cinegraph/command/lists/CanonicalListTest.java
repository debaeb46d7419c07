package org.cinegraph.command.lists;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.cinegraph.events.CanonicalListImported;
import org.cinegraph.events.ListEntry;
import org.cinegraph.events.RecordCanonicalList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each upload carries the hash {@link ListCsv#contentHash} gives its entries, as the admin controller sends it. */
class CanonicalListTest {

    private static final String KEY = "criterion";
    private static final ListEntry OPPENHEIMER = new ListEntry("tt15398776", "Oppenheimer", 2023);
    private static final ListEntry SHAWSHANK = new ListEntry("tt0111161", "The Shawshank Redemption", 1994);
    private static final ListEntry MATRIX = new ListEntry("tt0133093", "The Matrix", 1999);
    private static final ListEntry PARASITE = new ListEntry("tt6751668", "Parasite", 2019);

    private FixtureConfiguration<CanonicalList> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CanonicalList.class);
    }

    @Test
    void aFirstUploadRecordsTheListWithItsEntriesAndCountsThemAllAdded() {
        fixture.givenNoPriorActivity()
                .when(upload(OPPENHEIMER, SHAWSHANK, MATRIX))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(new CanonicalList.Recorded(true, 3, 0))
                .expectEvents(imported(OPPENHEIMER, SHAWSHANK, MATRIX));
    }

    @Test
    void theSameListUploadedAgainRecordsNothingAndIsUnchanged() {
        fixture.given(imported(OPPENHEIMER, SHAWSHANK, MATRIX))
                .when(upload(OPPENHEIMER, SHAWSHANK, MATRIX))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(new CanonicalList.Recorded(false, 0, 0))
                .expectNoEvents();
    }

    @Test
    void aChangedListRecordsItsMembersAnewAndCountsTheIdsThatJoinedAndLeft() {
        fixture.given(imported(OPPENHEIMER, SHAWSHANK, MATRIX))
                .when(upload(MATRIX, PARASITE))
                .expectResultMessagePayload(new CanonicalList.Recorded(true, 1, 2))
                .expectEvents(imported(MATRIX, PARASITE));
    }

    @Test
    void theSameIdsInAnotherOrderAreRecordedAnewWithNoneJoiningOrLeaving() {
        fixture.given(imported(OPPENHEIMER, SHAWSHANK, MATRIX))
                .when(upload(MATRIX, OPPENHEIMER, SHAWSHANK))
                .expectResultMessagePayload(new CanonicalList.Recorded(true, 0, 0))
                .expectEvents(imported(MATRIX, OPPENHEIMER, SHAWSHANK));
    }

    @Test
    void aCorrectedTitleOrYearIsRecordedAnewWithNoneJoiningOrLeaving() {
        ListEntry matrixUntitled = new ListEntry(MATRIX.imdbId(), null, null);
        fixture.given(imported(OPPENHEIMER, matrixUntitled))
                .when(upload(OPPENHEIMER, MATRIX))
                .expectResultMessagePayload(new CanonicalList.Recorded(true, 0, 0))
                .expectEvents(imported(OPPENHEIMER, MATRIX));
    }

    @Test
    void anUploadIsComparedWithTheLastUploadOnlySoAnEarlierVersionIsRecordedAgain() {
        fixture.given(imported(OPPENHEIMER, SHAWSHANK), imported(OPPENHEIMER, MATRIX))
                .when(upload(OPPENHEIMER, SHAWSHANK))
                .expectResultMessagePayload(new CanonicalList.Recorded(true, 1, 1))
                .expectEvents(imported(OPPENHEIMER, SHAWSHANK));
    }

    @Test
    void theHashTheUploadCarriesAloneDecidesThatTheListIsUnchanged() {
        fixture.given(imported(OPPENHEIMER, SHAWSHANK))
                .when(new RecordCanonicalList(KEY, ListCsv.contentHash(List.of(OPPENHEIMER, SHAWSHANK)),
                        List.of(MATRIX)))
                .expectResultMessagePayload(new CanonicalList.Recorded(false, 0, 0))
                .expectNoEvents();
    }

    @Test
    void theListIsIdentifiedByItsKeyInItsOwnNamespace() {
        fixture.givenNoPriorActivity()
                .when(upload(OPPENHEIMER))
                .expectEvents(imported(OPPENHEIMER))
                .expectState(list -> assertThat(list).extracting("id").isEqualTo("list-criterion"));
    }

    private static RecordCanonicalList upload(ListEntry... entries) {
        return new RecordCanonicalList(KEY, ListCsv.contentHash(List.of(entries)), List.of(entries));
    }

    private static CanonicalListImported imported(ListEntry... entries) {
        return new CanonicalListImported(KEY, ListCsv.contentHash(List.of(entries)), List.of(entries));
    }
}
