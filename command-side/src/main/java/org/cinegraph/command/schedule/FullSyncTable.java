package org.cinegraph.command.schedule;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.cinegraph.command.tables.DerivedTable;
import org.cinegraph.events.FullSyncCompleted;
import org.cinegraph.events.YearImportStarted;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code import_ledger_full_sync} from the ranges' completions ({@link FullSyncCompleted}, completed when it was
 * recorded) less those a year of the range started again since ({@link YearImportStarted}), as the pass and the
 * year-import runner write it. A handful of rows, whatever the store holds: kept in memory until written.
 */
@Component
class FullSyncTable implements DerivedTable {

    @Override
    public String name() {
        return "import_ledger_full_sync";
    }

    @Override
    public Set<Class<?>> sources() {
        return Set.of(FullSyncCompleted.class, YearImportStarted.class);
    }

    @Override
    public Load load(JdbcClient jdbc) {
        return new Load() {

            private final Map<Range, Instant> completed = new LinkedHashMap<>();

            @Override
            public void apply(StoredEvent event) {
                if (event.payload() instanceof FullSyncCompleted sync) {
                    completed.putIfAbsent(new Range(sync.firstYear(), sync.lastYear()), event.timestamp());
                } else {
                    int year = ((YearImportStarted) event.payload()).year();
                    completed.keySet().removeIf(range -> range.lastYear() <= year && year <= range.firstYear());
                }
            }

            @Override
            public void finish() {
                if (completed.isEmpty()) {
                    return;
                }
                jdbc.sql("""
                                INSERT INTO import_ledger_full_sync (first_year, last_year, completed_at)
                                SELECT * FROM unnest(CAST(:firsts AS int[]), CAST(:lasts AS int[]),
                                                     CAST(:completed AS timestamptz[]))""")
                        .param("firsts", completed.keySet().stream().map(Range::firstYear).toArray(Integer[]::new))
                        .param("lasts", completed.keySet().stream().map(Range::lastYear).toArray(Integer[]::new))
                        .param("completed", completed.values().stream().map(Instant::toString).toArray(String[]::new))
                        .update();
            }
        };
    }

    private record Range(int firstYear, int lastYear) {
    }
}
