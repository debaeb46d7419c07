package org.cinegraph.kernel.settings;

import java.time.Clock;
import java.time.Year;

/**
 * The years an import can be asked for. TMDb's oldest movies are from 1874; it also lists announced
 * movies years ahead of their release, so the upper bound is a margin past the current year, not the
 * current year itself.
 */
public final class ImportYears {

    public static final int FIRST_TMDB_YEAR = 1874;
    static final int YEARS_AHEAD = 10;

    private ImportYears() {
    }

    public static int latest(Clock clock) {
        return Year.now(clock).getValue() + YEARS_AHEAD;
    }

    /** @throws YearOutOfRangeException when TMDb cannot hold movies of that year */
    public static int requireImportable(int year, Clock clock) {
        int latest = latest(clock);
        if (year < FIRST_TMDB_YEAR || year > latest) {
            throw new YearOutOfRangeException(year, FIRST_TMDB_YEAR, latest);
        }
        return year;
    }
}
