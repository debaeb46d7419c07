package org.cinegraph.sandbox.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import org.cinegraph.sandbox.oscars.OscarsNominations;
import org.cinegraph.sandbox.oscars.OscarsNominations.Nomination;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The nominated films every catalogue knows besides its generated movies, read straight from the catalogue. */
class FestivalFilmsTest {

    /** Each nominated film as the file names it first: its title and the ceremony. */
    private static Map<String, FirstNomination> nominated;

    @BeforeAll
    static void readTheFile() {
        nominated = new LinkedHashMap<>();
        OscarsNominations nominations = OscarsNominations.bundled();
        for (int year : nominations.years()) {
            for (List<Nomination> category : nominations.ceremony(year).orElseThrow().values()) {
                for (Nomination nomination : category) {
                    if (nomination.films().size() != nomination.imdbIds().size()) {
                        continue;
                    }
                    for (int i = 0; i < nomination.films().size(); i++) {
                        String imdbId = nomination.imdbIds().get(i);
                        if (imdbId.startsWith("tt")) {
                            nominated.putIfAbsent(imdbId,
                                    new FirstNomination(nomination.films().get(i), nomination.ceremony()));
                        }
                    }
                }
            }
        }
    }

    @Test
    void aKnownFilmHasTheFilesTitleAndAReleaseInTheYearBeforeItsFirstCeremony() {
        SandboxCatalogue catalogue = SandboxCatalogue.defaultCatalogue(2025);

        assertThat(nominated).hasSizeGreaterThan(5_000);
        nominated.forEach((imdbId, first) -> catalogue.movieByImdbId(imdbId).ifPresent(film -> {
            assertThat(film.imdbId()).isEqualTo(imdbId);
            assertThat(film.title()).isEqualTo(first.film());
            assertThat(film.originalTitle()).isEqualTo(first.film());
            assertThat(film.releaseDate().getYear()).as(imdbId).isEqualTo(1927 + first.ceremony());
            assertThat(film.tmdbId()).isBetween(FestivalFilms.FIRST_TMDB_ID, CatalogueLayout.FIRST_TMDB_ID - 1);
            assertThat(catalogue.movie(film.tmdbId())).contains(film);
        }));
    }

    @Test
    void aboutOneFilmInTwentyIsUnknownToTmdb() {
        SandboxCatalogue catalogue = SandboxCatalogue.defaultCatalogue(2025);

        long unknown = nominated.keySet().stream().filter(id -> catalogue.movieByImdbId(id).isEmpty()).count();

        assertThat(unknown).isBetween(nominated.size() * 3L / 100, nominated.size() * 8L / 100);
        // The slots of the unknown films stay empty: their TMDb ids answer nothing either.
        int first = FestivalFilms.FIRST_TMDB_ID;
        long emptySlots = IntStream.range(first, first + nominated.size())
                .filter(id -> catalogue.movie(id).isEmpty())
                .count();
        assertThat(emptySlots).isEqualTo(unknown);
        assertThat(catalogue.movie(first + nominated.size())).isEmpty();
        assertThat(catalogue.movie(first - 1)).isEmpty();
    }

    @Test
    void theSameFilmsHaveTheSameIdsAndTheSameAreUnknownInEveryCatalogue() {
        SandboxCatalogue small = SandboxCatalogue.defaultCatalogue(2025);
        SandboxCatalogue other = SandboxCatalogue.builder().seed(7).year(1999, 3_000).build();

        SandboxMovie oppenheimer = small.movieByImdbId("tt15398776").orElseThrow();
        assertThat(oppenheimer.tmdbId()).isEqualTo(105_121);
        assertThat(oppenheimer.title()).isEqualTo("Oppenheimer");
        assertThat(oppenheimer.releaseDate().getYear()).isEqualTo(2023);
        assertThat(other.movieByImdbId("tt15398776")).contains(oppenheimer);
        assertThat(small.movieByImdbId("tt13238346")).as("Past Lives").isEmpty();
        assertThat(other.movieByImdbId("tt13238346")).isEmpty();
    }

    @Test
    void theNominatedFilmsListedAreTheKnownOnesInTmdbIdOrder() {
        SandboxCatalogue catalogue = SandboxCatalogue.defaultCatalogue(2025);
        List<SandboxMovie> known = nominated.keySet().stream().map(catalogue::movieByImdbId)
                .flatMap(Optional::stream).sorted(Comparator.comparingInt(SandboxMovie::tmdbId)).toList();

        assertThat(catalogue.nominatedFilms()).hasSizeGreaterThan(4_500).containsExactlyElementsOf(known);
        assertThat(SandboxCatalogue.builder().seed(7).year(1999, 30).build().nominatedFilms())
                .containsExactlyElementsOf(known);
    }

    /**
     * Whether every known film passes the importer's quality filter is checked by the filter itself, where it can
     * be reached: app's FestivalFilmsQualityTest (the sandbox cannot depend on the importer, whose tests use it).
     * The overview is no criterion of the filter, but a nominated film is no obscure record.
     */
    @Test
    void everyKnownFilmHasAnOverview() {
        assertThat(SandboxCatalogue.defaultCatalogue(2025).nominatedFilms())
                .allSatisfy(film -> assertThat(film.overview()).as(film.imdbId()).isNotBlank());
    }

    @Test
    void festivalFilmsAreNoPartOfTheYearsOrTheirCounts() {
        SandboxCatalogue catalogue = SandboxCatalogue.defaultCatalogue(2025);

        assertThat(catalogue.years()).containsExactly(2021, 2022, 2023, 2024, 2025);
        assertThat(catalogue.totalMovies()).isEqualTo(1080);
        assertThat(catalogue.movieCount(2023)).isEqualTo(200);
        assertThat(catalogue.movieIds(2023)).hasSize(200).noneMatch(FestivalFilms::holds);
        assertThat(catalogue.moviesReleasedBetween(LocalDate.of(1, 1, 1), LocalDate.of(9999, 12, 31)))
                .hasSize(1080)
                .noneMatch(movie -> FestivalFilms.holds(movie.tmdbId()));
    }

    @Test
    void aGeneratedMovieIsFoundByItsImdbIdAndNoOtherId() {
        SandboxCatalogue catalogue = SandboxCatalogue.defaultCatalogue(2025);
        List<SandboxMovie> movies =
                catalogue.moviesReleasedBetween(LocalDate.of(2021, 1, 1), LocalDate.of(2025, 12, 31));

        assertThat(movies).filteredOn(movie -> movie.imdbId() != null).isNotEmpty().allSatisfy(movie -> {
            assertThat(catalogue.movieByImdbId(movie.imdbId())).contains(movie);
            String next = "tt" + (Long.parseLong(movie.imdbId().substring(2)) + 1);
            assertThat(catalogue.movieByImdbId(next).map(SandboxMovie::imdbId))
                    .isIn(Optional.empty(), Optional.of(next));
        });
        for (String notOne : List.of("", "tt", "tt9999999", "tt010000000", "nm10000000", "tt99999999999", "abc")) {
            assertThat(catalogue.movieByImdbId(notOne)).as(notOne).isEmpty();
        }
    }

    @Test
    void noGeneratedMovieCarriesANominatedFilmsImdbId() {
        SandboxCatalogue catalogue = SandboxCatalogueTest.aMillionMovies();

        // Real IMDb ids reach into the range generated ones use: in a million movies about a hundred could clash.
        List<String> inRange = nominated.keySet().stream()
                .filter(id -> MovieGenerator.candidateOrdinal(id).orElse(Integer.MAX_VALUE) < catalogue.totalMovies())
                .toList();
        assertThat(inRange).hasSizeGreaterThan(100).allSatisfy(imdbId -> {
            int ordinal = MovieGenerator.candidateOrdinal(imdbId).getAsInt();
            assertThat(catalogue.movieAt(ordinal).imdbId()).isNotEqualTo(imdbId);
            assertThat(catalogue.movieByImdbId(imdbId).filter(movie -> !FestivalFilms.holds(movie.tmdbId())))
                    .isEmpty();
        });
    }

    private record FirstNomination(String film, int ceremony) {
    }
}
