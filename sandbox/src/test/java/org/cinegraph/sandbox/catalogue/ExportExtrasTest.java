package org.cinegraph.sandbox.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The movies a catalogue holds besides its years, and the ones TMDb deletes, read straight from the catalogue. */
class ExportExtrasTest {

    private final SandboxCatalogue catalogue = SandboxCatalogue.defaultCatalogue(2025);
    private final ExportExtras extras = catalogue.exportExtras();

    @Test
    void eachKindHoldsItsCountAndNoMovieIsOfTwoKinds() {
        assertThat(extras.undated()).hasSize(12);
        assertThat(extras.announced()).hasSize(6);
        assertThat(extras.preCinema()).hasSize(4);
        assertThat(extras.adult()).hasSize(5);
        assertThat(extras.video()).hasSize(5);
        assertThat(extras.all()).hasSize(32);
        assertThat(extras.failingQuality()).hasSize(5).isSubsetOf(extras.all());
    }

    @Test
    void theExtrasCollideWithNoGeneratedMovieNorFestivalFilm() {
        Set<Integer> generated = new HashSet<>();
        catalogue.years().forEach(year -> generated.addAll(catalogue.movieIds(year)));

        assertThat(extras.all()).doesNotContainAnyElementsOf(generated).noneMatch(FestivalFilms::holds);
        assertThat(catalogue.nominatedFilms()).noneMatch(film -> extras.all().contains(film.tmdbId()));
        assertThat(extras.all()).allSatisfy(id -> {
            SandboxMovie movie = catalogue.movie(id).orElseThrow();
            assertThat(movie.tmdbId()).isEqualTo(id);
            assertThat(movie.imdbId()).isNull();
            assertThat(catalogue.generated(id)).isFalse();
        });
    }

    @Test
    void theYearsCountsAndMoviesAreThoseOfBefore() {
        assertThat(catalogue.years()).containsExactly(2021, 2022, 2023, 2024, 2025);
        assertThat(List.of(2025, 2024, 2023, 2022, 2021)).map(catalogue::movieCount)
                .containsExactly(300, 250, 200, 180, 150);
        assertThat(catalogue.totalMovies()).isEqualTo(1080);
        assertThat(catalogue.moviesReleasedBetween(LocalDate.of(1, 1, 1), LocalDate.of(9999, 12, 31)))
                .hasSize(1080)
                .noneMatch(movie -> extras.all().contains(movie.tmdbId()));
    }

    @Test
    void eachKindIsWhatItsNameSays() {
        assertThat(movies(extras.undated())).allMatch(movie -> movie.releaseDate() == null);
        assertThat(movies(extras.announced())).map(movie -> movie.releaseDate().getYear())
                .containsOnly(2026, 2027).filteredOn(year -> year == 2026).hasSize(3);
        assertThat(movies(extras.preCinema())).map(movie -> movie.releaseDate().getYear())
                .containsExactlyInAnyOrder(1870, 1871, 1872, 1873);
        assertThat(movies(extras.adult())).allMatch(SandboxMovie::adult).noneMatch(SandboxMovie::video)
                .allMatch(movie -> catalogue.years().contains(movie.releaseDate().getYear()));
        assertThat(movies(extras.video())).allMatch(SandboxMovie::video).noneMatch(SandboxMovie::adult)
                .allMatch(movie -> catalogue.years().contains(movie.releaseDate().getYear()));
        Set<Integer> neitherAdultNorVideo = new HashSet<>(extras.all());
        neitherAdultNorVideo.removeAll(extras.adult());
        neitherAdultNorVideo.removeAll(extras.video());
        assertThat(movies(neitherAdultNorVideo)).noneMatch(SandboxMovie::adult).noneMatch(SandboxMovie::video);
    }

    @Test
    void mostExtrasPassTheImportersQualityFilterAndTheFailingOnesMissItAll() {
        for (int id : extras.all()) {
            SandboxMovie movie = catalogue.movie(id).orElseThrow();
            assertThat(criteriaMet(movie)).as("movie %d", id)
                    .isGreaterThanOrEqualTo(extras.failingQuality().contains(id) ? 0 : 2)
                    .isLessThanOrEqualTo(extras.failingQuality().contains(id) ? 1 : 4);
        }
    }

    @Test
    void theRemovedMoviesAreThreeOfTheMiddleYearThatPassEveryCriterionFarFromItsFirstIds() {
        List<Integer> of2023 = List.copyOf(catalogue.movieIds(2023));

        assertThat(extras.removed()).hasSize(3).isSubsetOf(of2023);
        assertThat(extras.removed()).noneMatch(id -> of2023.indexOf(id) < 10);
        assertThat(movies(extras.removed())).allMatch(movie -> criteriaMet(movie) == 4);
    }

    @Test
    void theSameSeedAndYearsGiveTheSameExtrasAnotherSeedOthers() {
        SandboxCatalogue again = SandboxCatalogue.defaultCatalogue(2025);
        SandboxCatalogue reseeded = SandboxCatalogue.builder().seed(99)
                .year(2021, 150).year(2022, 180).year(2023, 200).year(2024, 250).year(2025, 300).build();

        assertThat(again.exportExtras()).isEqualTo(extras);
        assertThat(again.extraMovies()).containsExactlyElementsOf(catalogue.extraMovies());
        assertThat(reseeded.extraMovies()).map(SandboxMovie::title)
                .isNotEqualTo(catalogue.extraMovies().stream().map(SandboxMovie::title).toList());
    }

    @Test
    void aCatalogueWithoutYearsHasNoExtrasNorRemovals() {
        ExportExtras none = SandboxCatalogue.builder().build().exportExtras();

        assertThat(none.all()).isEmpty();
        assertThat(none.removed()).isEmpty();
    }

    private List<SandboxMovie> movies(Set<Integer> ids) {
        return ids.stream().map(id -> catalogue.movie(id).orElseThrow()).toList();
    }

    /** The importer's four criteria, with its default thresholds: poster, ten votes, popularity 0.5, a date. */
    private static long criteriaMet(SandboxMovie movie) {
        return Stream.of(movie.posterPath() != null, movie.voteCount() >= 10, movie.popularity() >= 0.5,
                movie.releaseDate() != null).filter(met -> met).count();
    }
}
