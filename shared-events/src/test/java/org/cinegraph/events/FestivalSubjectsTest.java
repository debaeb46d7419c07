package org.cinegraph.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.cinegraph.events.FestivalSubjects.FilmInCategory;
import org.junit.jupiter.api.Test;

class FestivalSubjectsTest {

    private static final NominationRef SONG = new NominationRef("AMPAS", 2024, "Best Original Song", "Barbie",
            List.of("Billie Eilish", "Finneas O'Connell"), "What Was I Made For?");

    @Test
    void aSubjectJoinsItsFieldsAfterWhatItIs() {
        assertThat(FestivalSubjects.ceremony(1952)).isEqualTo("ceremony\u00011952");
        assertThat(FestivalSubjects.nomination(SONG)).isEqualTo("nomination\u00012024\u0001Best Original Song"
                + "\u0001Barbie\u0001Billie Eilish\u0002Finneas O'Connell\u0001What Was I Made For?");
        assertThat(FestivalSubjects.nomination(new NominationRef("AMPAS", 1929, "Actor", null, List.of(), null)))
                .isEqualTo("nomination\u00011929\u0001Actor\u0001null\u0001\u0001null");
    }

    @Test
    void aSubjectReadBackNamesItsCeremonyOrItsFilm() {
        assertThat(FestivalSubjects.ceremonyYear(FestivalSubjects.ceremony(1952))).hasValue(1952);
        assertThat(FestivalSubjects.nominatedFilm(FestivalSubjects.nomination(SONG)))
                .contains(new FilmInCategory(2024, "Best Original Song", "Barbie"));
    }

    @Test
    void noSubjectIsReadAsAnother() {
        String nomination = FestivalSubjects.nomination(SONG);
        String ceremony = FestivalSubjects.ceremony(1952);

        assertThat(FestivalSubjects.ceremonyYear(nomination)).isEmpty();
        assertThat(FestivalSubjects.nominatedFilm(ceremony)).isEmpty();
        for (String other : List.of("550", "tt0000053", "", "ceremony", "ceremony\u000152", "ceremony\u00011952\u0001x",
                "nomination\u00012024\u0001Best Picture", "nomination\u0001year\u0001a\u0001b\u0001c\u0001d")) {
            assertThat(FestivalSubjects.ceremonyYear(other)).as(other).isEmpty();
            assertThat(FestivalSubjects.nominatedFilm(other)).as(other).isEmpty();
        }
    }
}
