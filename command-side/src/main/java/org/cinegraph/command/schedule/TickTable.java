package org.cinegraph.command.schedule;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.cinegraph.command.tables.DerivedTable;
import org.cinegraph.events.ImportTriggered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code import_ledger_tick} from the pass's decisions: each tick of the daily import handled once, by its first
 * {@link ImportTriggered}, handled when that was recorded and doing what it says, as {@link ImportPass} notes it.
 * Written a thousand ticks at a time.
 */
@Component
class TickTable implements DerivedTable {

    private static final int BATCH = 1000;

    @Override
    public String name() {
        return "import_ledger_tick";
    }

    @Override
    public Set<Class<?>> sources() {
        return Set.of(ImportTriggered.class);
    }

    /** Lost when empty although a tick of the schedule was handled: a trigger by an admin has no tick, and no row. */
    @Override
    public boolean lostRows(JdbcClient jdbc) {
        return jdbc.sql("""
                        SELECT NOT EXISTS (SELECT 1 FROM import_ledger_tick) AND EXISTS (
                            SELECT 1 FROM domain_event_entry
                             WHERE payload_type = 'org.cinegraph.events.ImportTriggered'
                               AND CAST(convert_from(payload, 'UTF8') AS jsonb) ->> 'scheduledFor' IS NOT NULL)""")
                .query(Boolean.class).single();
    }

    @Override
    public Load load(JdbcClient jdbc) {
        return new Load() {

            private final List<String> ticks = new ArrayList<>(BATCH);
            private final List<String> handled = new ArrayList<>(BATCH);
            private final List<String> actions = new ArrayList<>(BATCH);
            private final List<Integer> years = new ArrayList<>(BATCH);

            @Override
            public void apply(StoredEvent event) {
                ImportTriggered triggered = (ImportTriggered) event.payload();
                if (triggered.scheduledFor() == null) {
                    return;
                }
                ticks.add(triggered.scheduledFor().toString());
                handled.add(event.timestamp().toString());
                actions.add(PassLedger.column(triggered.action()));
                years.add(triggered.year());
                if (ticks.size() == BATCH) {
                    flush();
                }
            }

            @Override
            public void finish() {
                flush();
            }

            /** A tick that fired again was never recorded twice; the first one's row is kept all the same. */
            private void flush() {
                if (ticks.isEmpty()) {
                    return;
                }
                jdbc.sql("""
                                INSERT INTO import_ledger_tick (scheduled_for, handled_at, action, year)
                                SELECT * FROM unnest(CAST(:ticks AS timestamptz[]), CAST(:handled AS timestamptz[]),
                                                     CAST(:actions AS text[]), CAST(:years AS int[]))
                                ON CONFLICT DO NOTHING""")
                        .param("ticks", ticks.toArray(String[]::new))
                        .param("handled", handled.toArray(String[]::new))
                        .param("actions", actions.toArray(String[]::new))
                        .param("years", years.toArray(Integer[]::new)).update();
                ticks.clear();
                handled.clear();
                actions.clear();
                years.clear();
            }
        };
    }
}
