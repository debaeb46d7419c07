package org.cinegraph.sandbox.tmdb;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.IntPredicate;
import java.util.function.UnaryOperator;

import org.cinegraph.sandbox.catalogue.SandboxCatalogue;
import org.cinegraph.sandbox.catalogue.SandboxMovie;
import org.cinegraph.sandbox.tmdb.PopularityDrift.Reading;

/**
 * Answers discover queries page by page. Each (year, sort) is sorted once, on first use, and kept as an
 * array of ordinals, four bytes a movie; a date window inside a year is a filter over that array, and a
 * window across years merges the years' arrays. Recent windows are cached, so paging through one costs
 * only the twenty movies of each page. While popularity drifts, a popularity order holds for one request
 * only, so such a window is ranked anew for each page, making every movie of it: a fault for tests, where
 * windows stay small, rather than for benchmarks. Movies deleted during discovery are likewise filtered out
 * of the window for each request while that fault is on. The catalogue's adult and video entries, which a
 * request may ask to include, are no part of the cached windows: they are merged into the page asked for.
 */
final class DiscoverIndex {

    private static final int CACHED_WINDOWS = 64;

    private final SandboxCatalogue catalogue;
    private final PopularityDrift drift;
    private final ConcurrentMap<YearOrder, int[]> sortedYears = new ConcurrentHashMap<>();
    private final Map<DiscoverQuery, int[]> recentWindows = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<DiscoverQuery, int[]> eldest) {
            return size() > CACHED_WINDOWS;
        }
    };

    DiscoverIndex(SandboxCatalogue catalogue, PopularityDrift drift) {
        this.catalogue = catalogue;
        this.drift = drift;
    }

    /** @param deleted TMDb ids gone from the catalogue for this request; empty while none are */
    DiscoverPage page(DiscoverQuery query, int page, Optional<IntPredicate> deleted) {
        Optional<Reading> reading = drift.nextReading();
        UnaryOperator<SandboxMovie> seen = movie -> reading.map(drifted -> drifted.apply(movie)).orElse(movie);
        int[] window = deleted.isPresent() ? without(matching(query), deleted.get()) : matching(query);
        int[] matching = reading.isPresent() && query.sort().ranksByPopularity()
                ? ranked(window, query.sort(), reading.get())
                : window;
        List<SandboxMovie> extras = catalogue.extraMovies().stream()
                .filter(query::lists)
                .map(seen)
                .sorted(query.sort().order())
                .toList();
        long first = (long) (page - 1) * DiscoverPage.SIZE;
        int total = matching.length + extras.size();
        if (first >= total) {
            return new DiscoverPage(page, List.of(), total);
        }
        List<SandboxMovie> results = extras.isEmpty()
                ? Arrays.stream(matching, (int) first, (int) Math.min(matching.length, first + DiscoverPage.SIZE))
                        .mapToObj(catalogue::movieAt)
                        .map(seen)
                        .toList()
                : withExtras(matching, extras, (int) first, query.sort(), seen);
        return new DiscoverPage(page, results, total);
    }

    /**
     * A page of the window with the few extra movies the query asks for (adult or video entries) merged in by
     * the sort's order: each extra finds its place by a binary search of the window, so a large year still makes
     * only the movies of the page and a few dozen more.
     */
    private List<SandboxMovie> withExtras(int[] window, List<SandboxMovie> extras, int first, DiscoverSort sort,
                                          UnaryOperator<SandboxMovie> seen) {
        int[] placeOf = new int[extras.size()];
        for (int extra = 0; extra < extras.size(); extra++) {
            placeOf[extra] = place(window, extras.get(extra), sort, seen);
        }
        // An extra goes before the window's movie at its place; the extras before the page's first position are
        // those whose place plus the extras before them falls short of it.
        int extra = 0;
        while (extra < extras.size() && placeOf[extra] + extra < first) {
            extra++;
        }
        int inWindow = first - extra;
        List<SandboxMovie> results = new ArrayList<>(DiscoverPage.SIZE);
        while (results.size() < DiscoverPage.SIZE && (inWindow < window.length || extra < extras.size())) {
            if (extra < extras.size() && placeOf[extra] <= inWindow) {
                results.add(extras.get(extra++));
            } else {
                results.add(seen.apply(catalogue.movieAt(window[inWindow++])));
            }
        }
        return results;
    }

    /** How many of the window's movies come before {@code extra} in the sort's order. */
    private int place(int[] window, SandboxMovie extra, DiscoverSort sort, UnaryOperator<SandboxMovie> seen) {
        int low = 0;
        int high = window.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (sort.order().compare(seen.apply(catalogue.movieAt(window[middle])), extra) < 0) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    private int[] matching(DiscoverQuery query) {
        synchronized (recentWindows) {
            int[] cached = recentWindows.get(query);
            if (cached != null) {
                return cached;
            }
        }
        // Computed outside the lock: two threads may both compute a new window, but neither blocks
        // requests for windows already cached.
        int[] computed = compute(query);
        synchronized (recentWindows) {
            recentWindows.put(query, computed);
        }
        return computed;
    }

    private int[] compute(DiscoverQuery query) {
        int[][] perYear = catalogue.years().stream()
                .filter(query::touches)
                .map(year -> inWindow(year, query))
                .toArray(int[][]::new);
        return perYear.length == 1 ? perYear[0] : merge(perYear, query.sort());
    }

    private int[] inWindow(int year, DiscoverQuery query) {
        int[] sorted = sortedYears.computeIfAbsent(new YearOrder(year, query.sort()), this::sort);
        if (query.covers(year)) {
            return sorted;
        }
        return Arrays.stream(sorted).filter(ordinal -> query.includes(catalogue.releaseDateAt(ordinal))).toArray();
    }

    private int[] sort(YearOrder yearOrder) {
        return catalogue.ordinalsOf(yearOrder.year())
                .mapToObj(ordinal -> new Ranked(ordinal, catalogue.movieAt(ordinal)))
                .sorted(Comparator.comparing(Ranked::movie, yearOrder.sort().order()))
                .mapToInt(Ranked::ordinal)
                .toArray();
    }

    /** A new array: the cached window stays whole for requests that see every movie. */
    private int[] without(int[] window, IntPredicate deleted) {
        return Arrays.stream(window).filter(ordinal -> !deleted.test(catalogue.tmdbIdAt(ordinal))).toArray();
    }

    private int[] ranked(int[] window, DiscoverSort sort, Reading reading) {
        return Arrays.stream(window)
                .mapToObj(ordinal -> new Ranked(ordinal, reading.apply(catalogue.movieAt(ordinal))))
                .sorted(Comparator.comparing(Ranked::movie, sort.order()))
                .mapToInt(Ranked::ordinal)
                .toArray();
    }

    /** Merges years already in order, holding one movie per year rather than every movie of the window. */
    private int[] merge(int[][] perYear, DiscoverSort sort) {
        int[] merged = new int[Arrays.stream(perYear).mapToInt(ordinals -> ordinals.length).sum()];
        PriorityQueue<Cursor> heads = new PriorityQueue<>(Comparator.comparing(Cursor::head, sort.order()));
        for (int[] ordinals : perYear) {
            if (ordinals.length > 0) {
                heads.add(new Cursor(ordinals, 0, catalogue.movieAt(ordinals[0])));
            }
        }
        int filled = 0;
        while (!heads.isEmpty()) {
            Cursor cursor = heads.poll();
            merged[filled++] = cursor.ordinals()[cursor.position()];
            int next = cursor.position() + 1;
            if (next < cursor.ordinals().length) {
                heads.add(new Cursor(cursor.ordinals(), next, catalogue.movieAt(cursor.ordinals()[next])));
            }
        }
        return merged;
    }

    private record YearOrder(int year, DiscoverSort sort) {
    }

    private record Ranked(int ordinal, SandboxMovie movie) {
    }

    private record Cursor(int[] ordinals, int position, SandboxMovie head) {
    }
}
