package org.cinegraph.query.writes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rows a batch of events leaves in one table, written together just before the batch commits, in its
 * transaction. Every write replaces a whole row (an upsert that sets every column) or removes it, so for each
 * key only the batch's last write counts: a batch of a thousand events costs two statements, not a thousand.
 * Outside a unit of work (a handler called directly) each write is applied at once.
 *
 * @param <K> the table's key
 * @param <R> a whole row
 */
public final class BatchedWrites<K, R> {

    /** Writes the rows of a batch: removes the rows with the given keys and upserts the given rows. */
    @FunctionalInterface
    public interface Writer<K, R> {
        void write(List<K> deletes, List<R> upserts);
    }

    private final Writer<K, R> writer;
    private final boolean writeEachAtOnce;
    private final Map<K, R> upserts = new LinkedHashMap<>();
    private final Set<K> deletes = new LinkedHashSet<>();

    private BatchedWrites(Writer<K, R> writer, boolean writeEachAtOnce) {
        this.writer = writer;
        this.writeEachAtOnce = writeEachAtOnce;
    }

    /**
     * The pending writes of the batch being applied to the table named by {@code resource} (one per table and
     * batch), written by {@code writer} when the batch is about to commit.
     */
    public static <K, R> BatchedWrites<K, R> ofCurrentBatch(String resource, Writer<K, R> writer) {
        return CurrentBatch.<BatchedWrites<K, R>>state(BatchedWrites.class.getName() + "/" + resource,
                        () -> new BatchedWrites<>(writer, false), BatchedWrites::flush)
                .orElseGet(() -> new BatchedWrites<>(writer, true));
    }

    public void upsert(K key, R row) {
        deletes.remove(key);
        upserts.put(key, row);
        if (writeEachAtOnce) {
            flush();
        }
    }

    public void delete(K key) {
        upserts.remove(key);
        deletes.add(key);
        if (writeEachAtOnce) {
            flush();
        }
    }

    /** Writes what is pending, if anything. */
    public void flush() {
        if (upserts.isEmpty() && deletes.isEmpty()) {
            return;
        }
        List<K> deleted = new ArrayList<>(deletes);
        List<R> upserted = new ArrayList<>(upserts.values());
        deletes.clear();
        upserts.clear();
        writer.write(deleted, upserted);
    }
}
