package org.cinegraph.command.schedule;

import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.cinegraph.command.ledger.StoredInstant;
import org.cinegraph.command.tables.DerivedTable;
import org.cinegraph.events.YearImportCompleted;
import org.cinegraph.events.YearImportStarted;
import org.cinegraph.events.YearsPrioritized;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code import_ledger_priority} from the admins' priorities: the years of the latest {@link YearsPrioritized},
 * each ranked by its place in the list, at the event's time, less each year whose {@link YearImportCompleted}
 * followed it, as {@link PriorityYears} writes it. A year already completed when the priority was stored is left out
 * too: the priority did not see the completion yet (it refuses completed years), but the completion waited for the
 * priority's rows, and took the year off. A handful of rows, kept in memory until written.
 */
@Component
class PriorityTable implements DerivedTable {

    @Override
    public String name() {
        return "import_ledger_priority";
    }

    @Override
    public Set<Class<?>> sources() {
        return Set.of(YearsPrioritized.class, YearImportStarted.class, YearImportCompleted.class);
    }

    /**
     * Lost when empty although a year of the latest priority is neither completed since, nor was completed when it
     * was recorded (its latest start or completion before the priority is a completion).
     */
    @Override
    public boolean lostRows(JdbcClient jdbc) {
        return jdbc.sql("""
                        WITH latest AS (
                            SELECT global_index, CAST(convert_from(payload, 'UTF8') AS jsonb) -> 'years' AS years
                              FROM domain_event_entry WHERE payload_type = 'org.cinegraph.events.YearsPrioritized'
                             ORDER BY global_index DESC LIMIT 1),
                        year_events AS (
                            SELECT global_index, payload_type,
                                   CAST(CAST(convert_from(payload, 'UTF8') AS jsonb) ->> 'year' AS int) AS year
                              FROM domain_event_entry
                             WHERE payload_type IN ('org.cinegraph.events.YearImportStarted',
                                                    'org.cinegraph.events.YearImportCompleted'))
                        SELECT NOT EXISTS (SELECT 1 FROM import_ledger_priority) AND EXISTS (
                            SELECT 1 FROM latest l, jsonb_array_elements_text(l.years) AS p (year)
                             WHERE NOT EXISTS (
                                       SELECT 1 FROM year_events e
                                        WHERE e.year = CAST(p.year AS int) AND e.global_index > l.global_index
                                          AND e.payload_type = 'org.cinegraph.events.YearImportCompleted')
                               AND COALESCE((SELECT e.payload_type FROM year_events e
                                              WHERE e.year = CAST(p.year AS int) AND e.global_index < l.global_index
                                              ORDER BY e.global_index DESC LIMIT 1), '')
                                   <> 'org.cinegraph.events.YearImportCompleted')""")
                .query(Boolean.class).single();
    }

    @Override
    public Load load(JdbcClient jdbc) {
        return new Load() {

            /** The waiting years, each with its rank: its place in the latest priority. */
            private final Map<Integer, Integer> waiting = new LinkedHashMap<>();
            /**
             * The years whose latest start ended in a completion, as {@code import_ledger_year} says (a failure
             * follows a start, which took the year off already).
             */
            private final Set<Integer> completed = new HashSet<>();
            private Instant prioritizedAt;

            @Override
            public void apply(StoredEvent event) {
                if (event.payload() instanceof YearsPrioritized prioritized) {
                    waiting.clear();
                    for (int rank = 0; rank < prioritized.years().size(); rank++) {
                        int year = prioritized.years().get(rank);
                        if (!completed.contains(year)) {
                            waiting.put(year, rank);
                        }
                    }
                    prioritizedAt = event.timestamp();
                } else if (event.payload() instanceof YearImportCompleted done) {
                    completed.add(done.year());
                    waiting.remove(done.year());
                } else if (event.payload() instanceof YearImportStarted started) {
                    completed.remove(started.year());
                }
            }

            @Override
            public void finish() {
                if (waiting.isEmpty()) {
                    return;
                }
                jdbc.sql("""
                                INSERT INTO import_ledger_priority (year, rank, prioritized_at)
                                SELECT year, rank, CAST(:at AS timestamptz)
                                  FROM unnest(CAST(:years AS int[]), CAST(:ranks AS int[])) AS p (year, rank)""")
                        .param("years", waiting.keySet().toArray(Integer[]::new))
                        .param("ranks", waiting.values().toArray(Integer[]::new))
                        .param("at", StoredInstant.of(prioritizedAt).toString()).update();
            }
        };
    }
}
