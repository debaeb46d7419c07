package org.cinegraph.command.tables;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What a {@link DerivedTable.Load} has read and not written yet, at most one event for each row: the rows are
 * different, so one statement of each kind can write them all, in any order. A second event for a row in the batch
 * has to follow the first, so it waits for the batch to be written; so does an event beyond a full batch.
 *
 * @param <K> what a row is known by
 * @param <V> what the load writes into it
 */
public final class RowBatch<K, V> {

    private final int size;
    private final Consumer<Map<K, V>> write;
    private final Map<K, V> waiting = new LinkedHashMap<>();

    /** @param write writes the batch, in the order it was read; the map is valid only while it runs */
    public RowBatch(int size, Consumer<Map<K, V>> write) {
        this.size = size;
        this.write = write;
    }

    public void add(K row, V event) {
        if (waiting.containsKey(row)) {
            flush();
        }
        waiting.put(row, event);
        if (waiting.size() >= size) {
            flush();
        }
    }

    /** Writes what waits, if anything does. */
    public void flush() {
        if (!waiting.isEmpty()) {
            write.accept(Collections.unmodifiableMap(waiting));
            waiting.clear();
        }
    }
}
