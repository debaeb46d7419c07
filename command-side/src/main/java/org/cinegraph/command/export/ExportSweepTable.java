package org.cinegraph.command.export;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import org.cinegraph.command.tables.DerivedTable;
import org.cinegraph.events.ExportRead;
import org.cinegraph.events.ExportSweepCompleted;
import org.cinegraph.events.ExportSweepFailed;
import org.cinegraph.events.ExportSweepProgressed;
import org.cinegraph.events.ExportSweepStarted;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code import_ledger_export_sweep} from the sweeps' events: its one row, as {@link SweepLedger} moved it, the last
 * sweep's. No node holds the rebuilt sweep: one left running is resumed by the next node that asks. The row is
 * there, empty, before any sweep ran, as its migration left it.
 */
@Component
class ExportSweepTable implements DerivedTable {

    @Override
    public String name() {
        return "import_ledger_export_sweep";
    }

    @Override
    public Set<Class<?>> sources() {
        return Set.of(ExportSweepStarted.class, ExportRead.class, ExportSweepProgressed.class,
                ExportSweepCompleted.class, ExportSweepFailed.class);
    }

    /** Lost when its one row is gone: the table holds it from the start. */
    @Override
    public boolean lostRows(JdbcClient jdbc) {
        return jdbc.sql("SELECT NOT EXISTS (SELECT 1 FROM import_ledger_export_sweep)").query(Boolean.class).single();
    }

    @Override
    public Load load(JdbcClient jdbc) {
        jdbc.sql("INSERT INTO import_ledger_export_sweep (id) VALUES (1)").update();
        return new Load() {

            @Override
            public void apply(StoredEvent event) {
                OffsetDateTime at = OffsetDateTime.ofInstant(event.timestamp(), ZoneOffset.UTC);
                Object payload = event.payload();
                if (payload instanceof ExportSweepStarted started) {
                    jdbc.sql("""
                                    UPDATE import_ledger_export_sweep
                                       SET export_date = :date, status = 'running', trigger = :trigger,
                                           confirm_removals = :confirm, read_whole = FALSE, through_id = 0, done = 0,
                                           new_movies = 0, started_at = :at, ended_at = NULL""")
                            .param("date", started.exportDate()).param("trigger", started.trigger().name())
                            .param("confirm", started.confirmRemovals()).param("at", at).update();
                } else if (payload instanceof ExportRead) {
                    jdbc.sql("UPDATE import_ledger_export_sweep SET read_whole = TRUE").update();
                } else if (payload instanceof ExportSweepProgressed progressed) {
                    jdbc.sql("""
                                    UPDATE import_ledger_export_sweep
                                       SET through_id = :through, done = :done, new_movies = :new""")
                            .param("through", progressed.throughId()).param("done", progressed.done())
                            .param("new", progressed.newMovies()).update();
                } else if (payload instanceof ExportSweepCompleted completed) {
                    jdbc.sql("""
                                    UPDATE import_ledger_export_sweep
                                       SET status = 'completed', ended_at = :at, done = :done,
                                           removals_withheld = :withheld""")
                            .param("at", at).param("done", completed.counted())
                            .param("withheld", completed.removalsWithheld()).update();
                } else {
                    jdbc.sql("UPDATE import_ledger_export_sweep SET status = 'failed', ended_at = :at")
                            .param("at", at).update();
                }
            }

            @Override
            public void finish() {
                // Each event was written as it came: a sweep has a handful of events per thousand movies.
            }
        };
    }
}
