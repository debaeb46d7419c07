package org.cinegraph.command.changes;

import java.time.LocalDate;
import java.util.Set;
import org.cinegraph.command.tables.DerivedTable;
import org.cinegraph.events.ChangeFeedRead;
import org.cinegraph.events.ChangeSyncCompleted;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code import_ledger_change_sync} from the events of the delta syncs: its one row, read up to the last day of the
 * furthest window ever read ({@link ChangeFeedRead}; a sync recorded before that event existed says it by its
 * {@link ChangeSyncCompleted}), as {@link ChangeLedger#checkedUntil(LocalDate)} moves it, never back. No node holds
 * the rebuilt sync: the next one claims it. The row is there, empty, before any sync ran, as its migration left it.
 */
@Component
class ChangeSyncTable implements DerivedTable {

    @Override
    public String name() {
        return "import_ledger_change_sync";
    }

    @Override
    public Set<Class<?>> sources() {
        return Set.of(ChangeFeedRead.class, ChangeSyncCompleted.class);
    }

    /** Lost when its one row is gone: the table holds it from the start, read or not. */
    @Override
    public boolean lostRows(JdbcClient jdbc) {
        return jdbc.sql("SELECT NOT EXISTS (SELECT 1 FROM import_ledger_change_sync)").query(Boolean.class).single();
    }

    @Override
    public Load load(JdbcClient jdbc) {
        return new Load() {

            private LocalDate checkedUntil;

            @Override
            public void apply(StoredEvent event) {
                LocalDate read = event.payload() instanceof ChangeFeedRead window
                        ? window.to() : ((ChangeSyncCompleted) event.payload()).to();
                if (checkedUntil == null || read.isAfter(checkedUntil)) {
                    checkedUntil = read;
                }
            }

            @Override
            public void finish() {
                jdbc.sql("INSERT INTO import_ledger_change_sync (id, checked_until) VALUES (1, :day)")
                        .param("day", checkedUntil).update();
            }
        };
    }
}
