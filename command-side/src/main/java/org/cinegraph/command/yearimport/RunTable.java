package org.cinegraph.command.yearimport;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.cinegraph.command.ledger.StoredInstant;
import org.cinegraph.command.tables.DerivedTable;
import org.cinegraph.events.ImportSource;
import org.cinegraph.events.MovieImportFailed;
import org.cinegraph.events.MovieImportOutcome;
import org.cinegraph.events.MovieImported;
import org.cinegraph.events.MovieSkipped;
import org.cinegraph.events.PageDiscovered;
import org.cinegraph.events.YearImportCompleted;
import org.cinegraph.events.YearImportFailed;
import org.cinegraph.events.YearImportStarted;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code import_ledger_run} made again from the events: a row for each year whose latest {@link YearImportStarted}
 * was not followed by its end, started at that event's timestamp. No node holds a rebuilt run (its owner and lease
 * are empty), so whichever node is asked next claims it. Its progress is the timestamp of its latest page or
 * outcome of the year's import, else its start: the live progress is noted after each of its writes, so it is never
 * earlier (and later only by a write that appended nothing). A row per running year, held until they are written.
 */
@Component
class RunTable implements DerivedTable {

    @Override
    public String name() {
        return "import_ledger_run";
    }

    @Override
    public Set<Class<?>> sources() {
        return Set.of(YearImportStarted.class, YearImportCompleted.class, YearImportFailed.class,
                PageDiscovered.class, MovieImported.class, MovieSkipped.class, MovieImportFailed.class);
    }

    /** Lost when a year is importing but has no run: its rows go when its year ends, so empty alone says nothing. */
    @Override
    public boolean lostRows(JdbcClient jdbc) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM import_ledger_year y WHERE y.status = 'importing'
                                          AND NOT EXISTS (SELECT 1 FROM import_ledger_run r WHERE r.year = y.year))""")
                .query(Boolean.class).single();
    }

    @Override
    public Load load(JdbcClient jdbc) {
        Map<Integer, Run> runs = new TreeMap<>();
        return new Load() {
            @Override
            public void apply(StoredEvent event) {
                Object payload = event.payload();
                if (payload instanceof YearImportStarted started) {
                    runs.put(started.year(), new Run(event.timestamp(), event.timestamp()));
                } else if (payload instanceof YearImportCompleted completed) {
                    runs.remove(completed.year());
                } else if (payload instanceof YearImportFailed failed) {
                    runs.remove(failed.year());
                } else if (payload instanceof PageDiscovered page) {
                    runs.computeIfPresent(page.year(), (year, run) -> run.progressed(event.timestamp()));
                } else if (payload instanceof MovieImportOutcome outcome && outcome.year() != null
                        && ImportSource.YEAR_IMPORT.value().equals(outcome.source())) {
                    runs.computeIfPresent(outcome.year(), (year, run) -> run.progressed(event.timestamp()));
                }
            }

            @Override
            public void finish() {
                if (runs.isEmpty()) {
                    return;
                }
                List<Run> rows = List.copyOf(runs.values());
                jdbc.sql("""
                                INSERT INTO import_ledger_run (year, started_at, progressed_at)
                                SELECT * FROM unnest(CAST(:years AS int[]), CAST(:startedAt AS timestamptz[]),
                                                     CAST(:progressedAt AS timestamptz[]))""")
                        .param("years", runs.keySet().toArray(Integer[]::new))
                        .param("startedAt", StoredInstant.texts(rows.stream().map(Run::startedAt).toList()))
                        .param("progressedAt", StoredInstant.texts(rows.stream().map(Run::progressedAt).toList()))
                        .update();
            }
        };
    }

    private record Run(Instant startedAt, Instant progressedAt) {

        Run progressed(Instant at) {
            return at.isAfter(progressedAt) ? new Run(startedAt, at) : this;
        }
    }
}
