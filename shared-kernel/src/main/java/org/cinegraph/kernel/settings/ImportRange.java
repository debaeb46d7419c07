package org.cinegraph.kernel.settings;

import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

/** The years to import, from {@code firstYear} down to {@code lastYear}: newest first. */
public record ImportRange(int firstYear, int lastYear) {

    public ImportRange {
        if (lastYear < ImportYears.FIRST_TMDB_YEAR) {
            throw new IllegalArgumentException("The last year to import, " + lastYear
                    + ", is before TMDb's first movie year " + ImportYears.FIRST_TMDB_YEAR + ".");
        }
        if (firstYear < lastYear) {
            throw new IllegalArgumentException("The first year to import, " + firstYear
                    + ", must not be before the last year, " + lastYear + ": years are imported newest first.");
        }
    }

    /** The years in import order. */
    public IntStream years() {
        return IntStream.iterate(firstYear, year -> year >= lastYear, year -> year - 1);
    }

    /** Whether the year is one of the range's. */
    public boolean contains(int year) {
        return lastYear <= year && year <= firstYear;
    }

    /** The newest year of the range that is not among {@code started}. */
    public Optional<Integer> nextNotStarted(Set<Integer> started) {
        return years().filter(year -> !started.contains(year)).boxed().findFirst();
    }
}
