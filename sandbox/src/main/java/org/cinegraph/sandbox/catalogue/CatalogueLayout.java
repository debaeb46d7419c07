package org.cinegraph.sandbox.catalogue;

import java.util.Arrays;
import java.util.Map;
import java.util.OptionalInt;
import java.util.SortedMap;

/**
 * Lays the catalogue's movies out in one line, years ascending, and numbers them: a movie's ordinal is
 * its place in that line. TMDb ids follow the ordinals with small random gaps, so they look scattered
 * like real ids yet stay unique and can be mapped back to a movie without any lookup table.
 */
final class CatalogueLayout {

    /** The lowest TMDb id a generated movie gets; the festival films take ids below it. */
    static final int FIRST_TMDB_ID = 200_000;
    private static final int ID_SPREAD = 5;
    private static final long ID_STREAM = 101;
    static final int MAX_MOVIES = (Integer.MAX_VALUE - FIRST_TMDB_ID) / ID_SPREAD - 1;

    private final long seed;
    private final int[] years;
    private final int[] counts;
    private final int[] firstOrdinals;
    private final int total;

    CatalogueLayout(long seed, SortedMap<Integer, Integer> moviesPerYear) {
        this.seed = seed;
        years = new int[moviesPerYear.size()];
        counts = new int[moviesPerYear.size()];
        firstOrdinals = new int[moviesPerYear.size()];
        long running = 0;
        int position = 0;
        for (Map.Entry<Integer, Integer> year : moviesPerYear.entrySet()) {
            years[position] = year.getKey();
            counts[position] = year.getValue();
            firstOrdinals[position] = (int) running;
            running += year.getValue();
            if (running > MAX_MOVIES) {
                throw new IllegalArgumentException("A catalogue holds at most " + MAX_MOVIES + " movies");
            }
            position++;
        }
        total = (int) running;
    }

    int total() {
        return total;
    }

    int count(int year) {
        int position = Arrays.binarySearch(years, year);
        return position < 0 ? 0 : counts[position];
    }

    int firstOrdinal(int year) {
        return firstOrdinals[Arrays.binarySearch(years, year)];
    }

    int yearOf(int ordinal) {
        return years[positionOf(ordinal)];
    }

    int indexInYear(int ordinal) {
        return ordinal - firstOrdinals[positionOf(ordinal)];
    }

    int tmdbId(int ordinal) {
        return FIRST_TMDB_ID + ordinal * ID_SPREAD + new Draws(seed, ID_STREAM, ordinal).nextInt(ID_SPREAD);
    }

    OptionalInt ordinalOf(int tmdbId) {
        if (tmdbId < FIRST_TMDB_ID) {
            return OptionalInt.empty();
        }
        int ordinal = (tmdbId - FIRST_TMDB_ID) / ID_SPREAD;
        return ordinal < total && tmdbId(ordinal) == tmdbId ? OptionalInt.of(ordinal) : OptionalInt.empty();
    }

    private int positionOf(int ordinal) {
        if (ordinal < 0 || ordinal >= total) {
            throw new IndexOutOfBoundsException("No movie at ordinal " + ordinal + " of " + total);
        }
        // Years without movies share their first ordinal with the next year; the last match is the one
        // that holds the movie.
        int low = 0;
        int high = firstOrdinals.length - 1;
        while (low < high) {
            int middle = (low + high + 1) >>> 1;
            if (firstOrdinals[middle] <= ordinal) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return low;
    }
}
