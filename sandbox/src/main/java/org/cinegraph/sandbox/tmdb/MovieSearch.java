package org.cinegraph.sandbox.tmdb;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntPredicate;

import org.cinegraph.sandbox.catalogue.SandboxCatalogue;
import org.cinegraph.sandbox.catalogue.SandboxMovie;
import org.cinegraph.sandbox.catalogue.TitleIndex;

/**
 * Finds the festival films and generated movies whose title holds every word of a query, most relevant first:
 * titles equal to the query, then by popularity, ties by TMDb id, so the same query always gives the same pages.
 * The generated titles are indexed on the first search, one pass over the catalogue (about a second and some
 * 20 MB for a benchmark's million movies), rather than scanned on every search, which would make every title again
 * for each query; a nominated film's title then costs a lookup or two. A query of a common word alone ("the") may
 * still match a third of a catalogue, some tenths of a second for a million movies: its matches are ranked by the
 * popularity drawn alone, and only the page's movies are made whole. Popularity drift is not applied here: the
 * fault moves discover and details only.
 */
final class MovieSearch {

    private static final Comparator<Hit> RELEVANCE = Comparator.comparing(Hit::exact).reversed()
            .thenComparing(Comparator.comparingDouble(Hit::popularity).reversed())
            .thenComparingInt(Hit::tmdbId);

    private final SandboxCatalogue catalogue;
    private volatile TitleIndex generatedTitles;

    MovieSearch(SandboxCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /**
     * @param words      the query as {@link TitleIndex#words} folds it; none find nothing, as on TMDb
     * @param releasedIn which release years the request keeps
     */
    DiscoverPage page(List<String> words, IntPredicate releasedIn, int page) {
        if (words.isEmpty()) {
            // Answered before the index is built: a client checking the endpoint should not wait for it.
            return new DiscoverPage(page, List.of(), 0);
        }
        List<Hit> hits = new ArrayList<>();
        for (SandboxMovie film : catalogue.festivalFilms().titled(words)) {
            if (releasedIn.test(film.releaseDate().getYear())) {
                hits.add(new Hit(film.tmdbId(), TitleIndex.words(film.title()).equals(words), film.popularity()));
            }
        }
        TitleIndex generated = generatedTitles();
        for (int ordinal : generated.matching(words)) {
            if (releasedIn.test(catalogue.yearAt(ordinal))) {
                hits.add(new Hit(catalogue.tmdbIdAt(ordinal), generated.isExactly(ordinal, words, catalogue::titleAt),
                        catalogue.popularityAt(ordinal)));
            }
        }
        hits.sort(RELEVANCE);
        int first = (page - 1) * DiscoverPage.SIZE;
        List<SandboxMovie> results = hits.subList(Math.min(first, hits.size()),
                        Math.min(first + DiscoverPage.SIZE, hits.size())).stream()
                .map(hit -> catalogue.movie(hit.tmdbId()).orElseThrow())
                .toList();
        return new DiscoverPage(page, results, hits.size());
    }

    private TitleIndex generatedTitles() {
        TitleIndex titles = generatedTitles;
        if (titles == null) {
            synchronized (this) {
                titles = generatedTitles;
                if (titles == null) {
                    titles = TitleIndex.of(catalogue.totalMovies(), catalogue::titleAt);
                    generatedTitles = titles;
                }
            }
        }
        return titles;
    }

    /** A match as ranking needs it; the movie itself is made only if it lands on the page asked for. */
    private record Hit(int tmdbId, boolean exact, double popularity) {
    }
}
