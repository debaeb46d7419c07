package org.cinegraph.command.tmdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SearchConfidenceTest {

    @Test
    void titlesAreComparedWithoutCaseAccentsPunctuationOrALeadingThe() {
        assertThat(TitleKey.of("Amélie")).isEqualTo(TitleKey.of("AMELIE"));
        assertThat(TitleKey.of("Spider-Man: Across the Spider-Verse")).isEqualTo("spider man across the spider verse");
        assertThat(TitleKey.of("The Zone of Interest")).isEqualTo(TitleKey.of("Zone of Interest"));
        assertThat(TitleKey.of("Romeo & Juliet")).isEqualTo(TitleKey.of("Romeo and Juliet"));
        assertThat(TitleKey.of(" ?! ")).isNull();
        assertThat(TitleKey.of(null)).isNull();
    }

    @Test
    void theSameTitleInTheSameYearIsAMatchAndTheMorePopularOfTwoEqualsWins() {
        FoundMovie remake = movie(2, "Oppenheimer", 2023, 5);
        FoundMovie film = movie(1, "Oppenheimer", 2023, 300);
        assertThat(SearchConfidence.best("Oppenheimer", 2023, List.of(remake, film)))
                .hasValueSatisfying(best -> assertThat(best.movie()).isEqualTo(film));
    }

    @Test
    void aFilmListedAYearOffStillMatchesButTwoYearsOffIsAnotherFilm() {
        assertThat(SearchConfidence.best("Past Lives", 2023, List.of(movie(1, "Past Lives", 2024, 10)))).isPresent();
        assertThat(SearchConfidence.best("Past Lives", 2023, List.of(movie(1, "Past Lives", 2021, 10)))).isEmpty();
    }

    @Test
    void anOriginalTitleMatchesToo() {
        FoundMovie film = new FoundMovie(7, "Anatomy of a Fall", "Anatomie d'une chute", LocalDate.of(2023, 8, 23), 40);
        assertThat(SearchConfidence.best("Anatomie d'une chute", 2023, List.of(film))).isPresent();
    }

    @Test
    void aMerelySimilarTitleIsNoMatch() {
        List<FoundMovie> results = List.of(movie(1, "Barbarian", 2023, 50), movie(2, "Barbie Girls", 2023, 50));
        assertThat(SearchConfidence.best("Barbie", 2023, results)).isEmpty();
        assertThat(SearchConfidence.closest("Barbie", 2023, results)).isPresent();
    }

    private static FoundMovie movie(int id, String title, int year, double popularity) {
        return new FoundMovie(id, title, title, LocalDate.of(year, 6, 1), popularity);
    }
}
