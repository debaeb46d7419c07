package org.cinegraph.command.schedule;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.IntStream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.axonframework.messaging.GenericMessage;
import org.cinegraph.command.ledger.StoredInstant;
import org.cinegraph.events.YearsPrioritized;
import org.cinegraph.kernel.settings.ImportRange;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The years an admin put first in the pass's order ({@code import_ledger_priority}, V27__priority_years.sql): set
 * whole by {@link YearsPrioritized}, in its transaction, and each year taken off in the transaction of its
 * completion. The pass reads them under its lock, beside the years' statuses ({@link PassChoice}).
 *
 * <p>A new priority and a year's completion take the table's lock, in a mode that excludes only each other, before
 * they look at it: a priority set while a year of it completes is either seen by the completion, which takes the
 * year off, or sees the year completed, and refuses it. The pass's reads do not wait for either.
 */
@Component
class PriorityYears {

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final EventGateway events;
    private final Clock clock;

    PriorityYears(JdbcClient jdbc, PlatformTransactionManager transactions, EventGateway events, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.events = events;
        this.clock = clock;
    }

    /** The priority years of the range still waiting, in the admin's order. */
    List<Integer> waiting(ImportRange range) {
        return all().stream().filter(range::contains).toList();
    }

    /**
     * Puts these years first, in this order, replacing the priority in force; none clears it. The same years in the
     * same order as those waiting record nothing.
     *
     * @throws CompletedYearsException when one of them is completed: nothing is recorded
     */
    Prioritized prioritize(List<Integer> years) {
        return transaction.execute(status -> {
            lock();
            List<Integer> completed = jdbc.sql("""
                            SELECT year FROM import_ledger_year
                             WHERE status = 'completed' AND year = ANY (CAST(:years AS int[])) ORDER BY year DESC""")
                    .param("years", years.toArray(Integer[]::new)).query(Integer.class).list();
            if (!completed.isEmpty()) {
                throw new CompletedYearsException(completed);
            }
            if (all().equals(years)) {
                return new Prioritized(years, false);
            }
            Instant now = StoredInstant.of(clock.instant());
            jdbc.sql("DELETE FROM import_ledger_priority").update();
            jdbc.sql("""
                            INSERT INTO import_ledger_priority (year, rank, prioritized_at)
                            SELECT year, rank, :at FROM unnest(CAST(:years AS int[]), CAST(:ranks AS int[]))
                                AS p (year, rank)""")
                    .param("years", years.toArray(Integer[]::new))
                    .param("ranks", IntStream.range(0, years.size()).boxed().toArray(Integer[]::new))
                    .param("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).update();
            // Recorded at the rows' time, so that the rows rebuilt from the event are those written here.
            events.publish(new GenericEventMessage<>(new GenericMessage<>(new YearsPrioritized(years)), () -> now));
            return new Prioritized(years, true);
        });
    }

    /** Takes the year off the priority; called in the transaction of its {@code YearImportCompleted}. */
    void completed(int year) {
        lock();
        jdbc.sql("DELETE FROM import_ledger_priority WHERE year = :year").param("year", year).update();
    }

    private List<Integer> all() {
        return jdbc.sql("SELECT year FROM import_ledger_priority ORDER BY rank").query(Integer.class).list();
    }

    /** Held until the transaction ends; excludes itself, and neither the pass's reads nor the rest of the ledger. */
    private void lock() {
        jdbc.sql("LOCK TABLE import_ledger_priority IN SHARE ROW EXCLUSIVE MODE").update();
    }

    /** The priority in force after a request; {@code changed} false when it was in force already. */
    record Prioritized(List<Integer> priorityYears, boolean changed) {
    }

    /** Years that are completed: the pass imports each year once, so none of them can go first. */
    static class CompletedYearsException extends RuntimeException {

        private final List<Integer> years;

        CompletedYearsException(List<Integer> years) {
            super("Years already completed: " + years);
            this.years = List.copyOf(years);
        }

        List<Integer> years() {
            return years;
        }
    }
}
