package org.cinegraph.command.yearimport;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.cinegraph.command.ledger.StoredInstant;
import org.cinegraph.command.tables.DerivedTable;
import org.cinegraph.events.YearImportCompleted;
import org.cinegraph.events.YearImportFailed;
import org.cinegraph.events.YearImportStarted;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code import_ledger_year} made again from the years' events, as {@link YearRuns} writes it when
 * {@link YearImportRunner} handles them: each year as its latest start left it, and the end that followed, at the
 * events' timestamps. A row per year ever started: a few hundred at most, held until they are written.
 */
@Component
class YearTable implements DerivedTable {

    @Override
    public String name() {
        return "import_ledger_year";
    }

    @Override
    public Set<Class<?>> sources() {
        return Set.of(YearImportStarted.class, YearImportCompleted.class, YearImportFailed.class);
    }

    @Override
    public Load load(JdbcClient jdbc) {
        Map<Integer, YearRow> years = new TreeMap<>();
        return new Load() {
            @Override
            public void apply(StoredEvent event) {
                if (event.payload() instanceof YearImportStarted started) {
                    years.put(started.year(), new YearRow("importing", YearRuns.column(started.trigger()),
                            event.timestamp(), null));
                } else if (event.payload() instanceof YearImportCompleted completed) {
                    years.computeIfPresent(completed.year(), (year, row) -> row.ended("completed", event.timestamp()));
                } else if (event.payload() instanceof YearImportFailed failed) {
                    years.computeIfPresent(failed.year(), (year, row) -> row.ended("failed", event.timestamp()));
                }
            }

            @Override
            public void finish() {
                if (years.isEmpty()) {
                    return;
                }
                List<YearRow> rows = List.copyOf(years.values());
                jdbc.sql("""
                                INSERT INTO import_ledger_year (year, status, trigger, started_at, ended_at)
                                SELECT * FROM unnest(CAST(:years AS int[]), CAST(:statuses AS text[]),
                                                     CAST(:triggers AS text[]), CAST(:startedAt AS timestamptz[]),
                                                     CAST(:endedAt AS timestamptz[]))""")
                        .param("years", years.keySet().toArray(Integer[]::new))
                        .param("statuses", rows.stream().map(YearRow::status).toArray(String[]::new))
                        .param("triggers", rows.stream().map(YearRow::trigger).toArray(String[]::new))
                        .param("startedAt", StoredInstant.texts(rows.stream().map(YearRow::startedAt).toList()))
                        .param("endedAt", StoredInstant.texts(rows.stream().map(YearRow::endedAt).toList()))
                        .update();
            }
        };
    }

    private record YearRow(String status, String trigger, Instant startedAt, Instant endedAt) {

        YearRow ended(String status, Instant at) {
            return new YearRow(status, trigger, startedAt, at);
        }
    }
}
