package org.cinegraph.command.yearimport;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.cinegraph.command.tables.DerivedTable;
import org.cinegraph.events.ListedMovie;
import org.cinegraph.events.PageDiscovered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code import_ledger_discovered} made again from the pages' events: the movies each page listed, recorded as
 * {@link PageLedger} recorded them, each once per year with the title it was first listed under. Written a thousand
 * movies at a time.
 */
@Component
class DiscoveredTable implements DerivedTable {

    /** Movies written per statement. */
    static final int BATCH = 1000;

    @Override
    public String name() {
        return "import_ledger_discovered";
    }

    @Override
    public Set<Class<?>> sources() {
        return Set.of(PageDiscovered.class);
    }

    @Override
    public Load load(JdbcClient jdbc) {
        List<PageLedger.DiscoveredMovie> movies = new ArrayList<>();
        return new Load() {
            @Override
            public void apply(StoredEvent event) {
                PageDiscovered page = (PageDiscovered) event.payload();
                for (ListedMovie movie : page.movies()) {
                    movies.add(new PageLedger.DiscoveredMovie(page.year(), movie.tmdbId(), movie.title()));
                }
                if (movies.size() >= BATCH) {
                    finish();
                }
            }

            @Override
            public void finish() {
                if (!movies.isEmpty()) {
                    PageLedger.insertDiscovered(jdbc, movies);
                    movies.clear();
                }
            }
        };
    }
}
