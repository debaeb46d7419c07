package org.cinegraph.command.festival;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AcademyFilmIdsTest {

    private final AcademyFilmIds ids = new AcademyFilmIds();

    @Test
    void aNominatedFilmIsKnownByItsCeremonyAndTitle() {
        assertThat(ids.imdbId(2024, "Oppenheimer")).hasValue("tt15398776");
        assertThat(ids.imdbId(2024, "OPPENHEIMER")).hasValue("tt15398776");
        assertThat(ids.imdbId(1990, "Driving Miss Daisy")).hasValue("tt0097239");
    }

    @Test
    void eachFilmOfANominationForSeveralIsKnown() {
        assertThat(ids.imdbId(1929, "The Noose")).hasValue("tt0019217");
        assertThat(ids.imdbId(1929, "The Patent Leather Kid")).hasValue("tt0018253");
    }

    @Test
    void aFilmOfAnotherCeremonyOrNoneIsNotKnown() {
        assertThat(ids.imdbId(2010, "Oppenheimer")).isEmpty();
        assertThat(ids.imdbId(2024, "Zzq Unfindable Picture")).isEmpty();
        assertThat(ids.imdbId(2024, null)).isEmpty();
    }
}
