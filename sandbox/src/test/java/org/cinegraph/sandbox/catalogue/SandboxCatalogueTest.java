package org.cinegraph.sandbox.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class SandboxCatalogueTest {

    private static final LocalDate EARLIEST = LocalDate.of(1, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(9999, 12, 31);

    private static List<SandboxMovie> everyMovie(SandboxCatalogue catalogue) {
        return catalogue.moviesReleasedBetween(EARLIEST, LATEST);
    }

    private static SandboxCatalogue catalogue(long seed) {
        return SandboxCatalogue.builder().seed(seed).year(2022, 400).year(2023, 600).build();
    }

    @Test
    void sameSeedAndSizesGiveTheSameMovies() {
        List<SandboxMovie> first = everyMovie(catalogue(42));
        List<SandboxMovie> second = everyMovie(catalogue(42));

        assertThat(first).hasSize(1000).isEqualTo(second);
    }

    @Test
    void differentSeedsGiveDifferentMovies() {
        List<SandboxMovie> first = everyMovie(catalogue(42));
        List<SandboxMovie> second = everyMovie(catalogue(43));

        assertThat(second).hasSameSizeAs(first);
        assertThat(ids(second)).isNotEqualTo(ids(first));
        assertThat(second.stream().map(SandboxMovie::title).toList())
                .isNotEqualTo(first.stream().map(SandboxMovie::title).toList());
    }

    @Test
    void defaultCatalogueHoldsTheFiveMostRecentYears() {
        SandboxCatalogue catalogue = SandboxCatalogue.defaultCatalogue(2025);

        assertThat(catalogue.years()).containsExactly(2021, 2022, 2023, 2024, 2025);
        assertThat(catalogue.movieCount(2025)).isEqualTo(300);
        assertThat(catalogue.movieCount(2024)).isEqualTo(250);
        assertThat(catalogue.movieCount(2023)).isEqualTo(200);
        assertThat(catalogue.movieCount(2022)).isEqualTo(180);
        assertThat(catalogue.movieCount(2021)).isEqualTo(150);
        assertThat(catalogue.movieCount(2020)).isZero();
        assertThat(catalogue.totalMovies()).isEqualTo(1080);
        assertThat(everyMovie(catalogue)).hasSize(1080);
    }

    @Test
    void idsAreUniqueAndLeadBackToTheirMovie() {
        SandboxCatalogue catalogue = SandboxCatalogue.defaultCatalogue(2025);
        List<SandboxMovie> movies = everyMovie(catalogue);

        assertThat(new HashSet<>(ids(movies))).hasSize(movies.size());
        assertThat(movies).allSatisfy(movie -> assertThat(catalogue.movie(movie.tmdbId())).contains(movie));
        Set<Integer> ids = new HashSet<>(ids(movies));
        int between = movies.stream().map(movie -> movie.tmdbId() + 1).filter(id -> !ids.contains(id))
                .findFirst().orElseThrow();
        assertThat(catalogue.movie(between)).isEmpty();
        assertThat(catalogue.movie(1)).isEmpty();
        assertThat(catalogue.movie(Integer.MAX_VALUE)).isEmpty();
    }

    @Test
    void everyMovieIsReleasedInItsYearAndTheYearIsSpreadOverAllMonths() {
        SandboxCatalogue catalogue = SandboxCatalogue.builder().year(2024, 300).year(2025, 200).build();

        List<SandboxMovie> of2024 =
                catalogue.moviesReleasedBetween(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31));

        assertThat(of2024).hasSize(300)
                .allSatisfy(movie -> assertThat(movie.releaseDate().getYear()).isEqualTo(2024));
        assertThat(of2024.stream().map(movie -> movie.releaseDate().getMonth()).distinct()).hasSize(12);
        assertThat(of2024).isSortedAccordingTo(
                Comparator.comparing(SandboxMovie::releaseDate).thenComparingInt(SandboxMovie::tmdbId));
    }

    @Test
    void imdbIdsLookLikeImdbsAndAFewAreMissing() {
        List<SandboxMovie> movies = everyMovie(SandboxCatalogue.builder().year(2024, 2000).build());

        List<String> imdbIds = movies.stream().map(SandboxMovie::imdbId).filter(id -> id != null).toList();

        assertThat(imdbIds).allMatch(id -> id.matches("tt\\d{7,}"));
        assertThat(new HashSet<>(imdbIds)).hasSameSizeAs(imdbIds);
        assertThat(movies.size() - imdbIds.size()).isBetween(1, movies.size() / 10);
    }

    @Test
    void titlesAreReadableWords() {
        List<SandboxMovie> movies = everyMovie(SandboxCatalogue.defaultCatalogue(2025));

        assertThat(movies).allSatisfy(movie -> {
            assertThat(movie.title()).matches("[A-Z][A-Za-z']*( [A-Za-z']+)*( \\d)?");
            assertThat(movie.originalTitle()).isNotBlank();
        });
        assertThat(movies).anyMatch(movie -> movie.title().matches(".* \\d"));
        assertThat(movies.stream().map(SandboxMovie::title).distinct().count()).isGreaterThan(movies.size() * 9 / 10);
    }

    @Test
    void qualityCriteriaFailInTheMixTheImporterMustHandle() {
        List<SandboxMovie> movies = everyMovie(SandboxCatalogue.builder().year(2023, 12_000).build());

        Map<Integer, Long> byFailedCriteria = movies.stream()
                .collect(Collectors.groupingBy(SandboxCatalogueTest::failedCriteria, Collectors.counting()));

        long total = movies.size();
        assertThat(byFailedCriteria.getOrDefault(0, 0L)).isGreaterThan(total / 2);
        assertThat(byFailedCriteria.getOrDefault(1, 0L)).isGreaterThan(total / 20);
        assertThat(byFailedCriteria.getOrDefault(2, 0L)).isPositive();
        assertThat(byFailedCriteria.getOrDefault(3, 0L)).isBetween(total * 15 / 100, total * 25 / 100);
        assertThat(byFailedCriteria).doesNotContainKey(4);
    }

    @Test
    void aMillionMoviesCostNothingUntilAsked() {
        SandboxCatalogue catalogue = aMillionMovies();

        assertThat(catalogue.totalMovies()).isEqualTo(1_000_000);
        List<SandboxMovie> newYearsDay =
                catalogue.moviesReleasedBetween(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 1));
        assertThat(newYearsDay).isNotEmpty()
                .allSatisfy(movie -> assertThat(catalogue.movie(movie.tmdbId())).contains(movie));
    }

    @Test
    void movieIdsOfAYearAreThoseOfItsMoviesAscending() {
        SandboxCatalogue catalogue = SandboxCatalogue.defaultCatalogue(2025);

        Set<Integer> of2024 = catalogue.movieIds(2024);

        assertThat(List.copyOf(of2024)).hasSize(250).isSorted().containsExactlyInAnyOrderElementsOf(ids(
                catalogue.moviesReleasedBetween(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31))));
        assertThat(catalogue.movieIds(2020)).isEmpty();
    }

    @Test
    void builderRejectsImpossibleSizes() {
        assertThatThrownBy(() -> SandboxCatalogue.builder().year(2024, -1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SandboxCatalogue.builder().year(0, 10))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void askingForAYearAgainReplacesItsSize() {
        SandboxCatalogue catalogue = SandboxCatalogue.builder().year(2024, 10).year(2024, 30).build();

        assertThat(catalogue.years()).containsExactly(2024);
        assertThat(catalogue.movieCount(2024)).isEqualTo(30);
    }

    /** 25,000 movies in each year from 1985 to 2024, as large as a benchmark's catalogue. */
    static SandboxCatalogue aMillionMovies() {
        SandboxCatalogue.Builder builder = SandboxCatalogue.builder();
        for (int year = 1985; year < 2025; year++) {
            builder.year(year, 25_000);
        }
        return builder.build();
    }

    private static int failedCriteria(SandboxMovie movie) {
        int failed = 0;
        failed += movie.posterPath() == null ? 1 : 0;
        failed += movie.voteCount() < 10 ? 1 : 0;
        failed += movie.popularity() < 0.5 ? 1 : 0;
        failed += movie.releaseDate() == null ? 1 : 0;
        return failed;
    }

    private static List<Integer> ids(List<SandboxMovie> movies) {
        return movies.stream().map(SandboxMovie::tmdbId).toList();
    }
}
