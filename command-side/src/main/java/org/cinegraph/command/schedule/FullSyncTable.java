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

    /** Lost when empty although a range's completion is stored that no later start of one of its years undid. */
    @Override
    public boolean lostRows(JdbcClient jdbc) {
        return jdbc.sql("""
                        SELECT NOT EXISTS (SELECT 1 FROM import_ledger_full_sync) AND EXISTS (
                            SELECT 1 FROM domain_event_entry f,
                                   LATERAL (SELECT CAST(convert_from(f.payload, 'UTF8') AS jsonb) AS range) r
                             WHERE f.payload_type = 'org.cinegraph.events.FullSyncCompleted'
                               AND NOT EXISTS (
                                   SELECT 1 FROM domain_event_entry s
                                    WHERE s.payload_type = 'org.cinegraph.events.YearImportStarted'
                                      AND s.global_index > f.global_index
                                      AND CAST(CAST(convert_from(s.payload, 'UTF8') AS jsonb) ->> 'year' AS int)
                                          BETWEEN CAST(r.range ->> 'lastYear' AS int)
                                              AND CAST(r.range ->> 'firstYear' AS int)))""")
                .query(Boolean.class).single();
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
