package org.cinegraph.command.yearimport;

import java.util.ArrayList;
import java.util.List;
import org.cinegraph.command.tmdb.DiscoverPage;
import org.cinegraph.command.tmdb.TmdbClient;
import org.cinegraph.events.DateWindow;
import org.cinegraph.events.PlannedWindow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Splits a year into date windows that discover can read whole. TMDb serves 500 pages of 20 per query, so
 * a window must hold at most 10,000 movies; windows are halved until they hold at most
 * {@link #MAX_MOVIES_PER_WINDOW}, which leaves room for movies TMDb adds while the window is read.
 */
class DiscoveryPlanner {

    static final int MAX_MOVIES_PER_WINDOW = 9_000;
    private static final Logger log = LoggerFactory.getLogger(DiscoveryPlanner.class);

    private final TmdbClient tmdb;

    DiscoveryPlanner(TmdbClient tmdb) {
        this.tmdb = tmdb;
    }

    Plan plan(int year) {
        DateWindow wholeYear = DateWindow.wholeYear(year);
        DiscoverPage first = tmdb.discover(wholeYear.from(), wholeYear.to(), 1);
        List<PlannedWindow> windows = new ArrayList<>();
        split(wholeYear, first, windows);
        return new Plan(first.totalResults(), List.copyOf(windows));
    }

    private void split(DateWindow window, DiscoverPage first, List<PlannedWindow> windows) {
        if (first.totalResults() <= MAX_MOVIES_PER_WINDOW || window.from().equals(window.to())) {
            if (first.totalResults() > MAX_MOVIES_PER_WINDOW) {
                log.warn("TMDb lists {} movies released on {} alone; discover can reach only the first 10,000",
                        first.totalResults(), window.from());
            }
            windows.add(new PlannedWindow(window, first.totalResults(), first.totalPages()));
            return;
        }
        long days = window.to().toEpochDay() - window.from().toEpochDay();
        DateWindow earlier = new DateWindow(window.from(), window.from().plusDays(days / 2));
        DateWindow later = new DateWindow(earlier.to().plusDays(1), window.to());
        split(earlier, tmdb.discover(earlier.from(), earlier.to(), 1), windows);
        split(later, tmdb.discover(later.from(), later.to(), 1), windows);
    }

    record Plan(int tmdbTotal, List<PlannedWindow> windows) {
    }
}
