package org.cinegraph.query.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;

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
     * {@code empty} leaves, and checks that both leave the same rows in the tables; the rows of one at a time, a
     * text per table.
     */
    public static List<String> sameRowsInBatchesOf(int size, List<Runnable> calls, Runnable empty, Table... tables) {
        empty.run();
        apply(calls, 0);
        List<String> oneByOne = rows(tables);
        empty.run();
        apply(calls, size);
        assertThat(rows(tables)).isEqualTo(oneByOne);
        return oneByOne;
    }

    /** Every row of each table, in key order, as text: what two ways of applying events must agree on. */
    private static List<String> rows(Table... tables) {
        return Arrays.stream(tables).map(table -> ProjectionDatabase.jdbc()
                .sql("SELECT CAST(t AS text) FROM " + table.name() + " AS t ORDER BY " + table.key())
                .query(String.class).list().stream().collect(Collectors.joining("\n"))).toList();
    }

    /** A projection's table and the columns of its key. */
    public record Table(String name, String key) {
    }
}
