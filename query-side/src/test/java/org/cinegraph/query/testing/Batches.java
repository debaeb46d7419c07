package org.cinegraph.query.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Applies handler calls the way a processor does: a batch of events per unit of work. */
public final class Batches {

    private Batches() {
    }

    /** Runs the calls in units of work of {@code size} calls each; a size of 0 runs each outside any. */
    public static void apply(List<Runnable> calls, int size) {
        if (size == 0) {
            calls.forEach(Runnable::run);
            return;
        }
        for (int from = 0; from < calls.size(); from += size) {
            List<Runnable> batch = calls.subList(from, Math.min(calls.size(), from + size));
            List<EventMessage<?>> messages = batch.stream()
                    .<EventMessage<?>>map(call -> GenericEventMessage.asEventMessage("event")).toList();
            Iterator<Runnable> next = batch.iterator();
            new BatchingUnitOfWork<>(messages).execute(() -> next.next().run());
        }
    }

    /**
     * Applies the calls one at a time, then in units of work of {@code size}, each time from the empty tables
     * {@code empty} leaves, and checks that both leave the same {@code rows}; the rows of one at a time.
     */
    public static List<String> sameRowsInBatchesOf(int size, List<Runnable> calls, Runnable empty,
                                                   Supplier<List<String>> rows) {
        empty.run();
        apply(calls, 0);
        List<String> oneByOne = rows.get();
        empty.run();
        apply(calls, size);
        assertThat(rows.get()).isEqualTo(oneByOne);
        return oneByOne;
    }

    /** Every row of the table, in key order, as text: what two ways of applying events must agree on. */
    public static String rows(JdbcClient jdbc, String table, String orderBy) {
        return jdbc.sql("SELECT CAST(t AS text) FROM " + table + " AS t ORDER BY " + orderBy).query(String.class)
                .list().stream().collect(Collectors.joining("\n"));
    }
}
