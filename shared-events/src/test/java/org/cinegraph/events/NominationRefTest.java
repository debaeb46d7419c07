package org.cinegraph.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The key's SQL twin, which wrote the rows of existing databases, is checked against it in the festivals projection. */
class NominationRefTest {

    @Test
    void theKeyIsTheMd5OfTheFilmNamesAndDetailJoinedByControlCharacters() {
        assertThat(new NominationRef("AMPAS", 1929, "Outstanding Picture", "Wings", List.of(), null).key())
                .isEqualTo("9d88ace39b0063ab8c6d4b7db7d5f2a5");
        assertThat(new NominationRef("AMPAS", 1929, "Cinematography", "Sunrise",
                List.of("Janet Gaynor", "Charles Rosher"), "").key()).isEqualTo("1c33ff8abfb87639a4082d8facd699d6");
        assertThat(new NominationRef("AMPAS", 1929, "Actor", null, List.of("Emil Jannings"), "The Last Command")
                .key()).isEqualTo("54bd579435b0a95c42d5668f70671b12");
    }

    @Test
    void theKeyNamesTheNominationWithinItsCategory() {
        NominationRef wings = new NominationRef("AMPAS", 1929, "Outstanding Picture", "Wings", List.of(), null);

        assertThat(new NominationRef("BAFTA", 1950, "Other", "Wings", List.of(), null).key()).isEqualTo(wings.key());
        assertThat(new NominationRef("AMPAS", 1929, "Outstanding Picture", "Wings", List.of("x"), null).key())
                .isNotEqualTo(wings.key());
    }

    @Test
    void everyNominationEventNamesItsNominationAlike() {
        NominationRef ref = new NominationRef("AMPAS", 2024, "Best Original Song", "Barbie",
                List.of("Billie Eilish", "Finneas O'Connell"), "What Was I Made For?");

        assertThat(List.of(
                NominationRef.of(new NominationRecorded("AMPAS", 2024, "Best Original Song", "Barbie", ref.names(),
                        ref.detail(), true)),
                NominationRef.of(new NominationWithdrawn("AMPAS", 2024, "Best Original Song", "Barbie", ref.names(),
                        ref.detail())),
                NominationRef.of(new NominationMatched("AMPAS", 2024, "Best Original Song", "Barbie", ref.names(),
                        ref.detail(), 346698, "tt1517268", NominationMatched.BY_IMDB_ID)),
                NominationRef.of(new NominationMatchFailed("AMPAS", 2024, "Best Original Song", "Barbie", ref.names(),
                        ref.detail(), 2023, null, MovieImportFailed.NO_TMDB_MATCH, 1, "no match"))))
                .containsOnly(ref);
    }
}
