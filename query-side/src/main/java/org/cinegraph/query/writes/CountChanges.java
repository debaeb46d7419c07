package org.cinegraph.query.writes;

import java.lang.reflect.Array;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a batch of a projection changed in one of its tables of counts (movies by year, or by what they are:
 * imported, skipped, ...), written once, just before the batch commits, in the order of the keys: two segments'
 * batches lock the counts' rows in the same order, so neither ever waits for the other the other way round. A
 * count read on the dashboard's hot path is kept so, beside the rows it counts and in their transactions, instead of
 * counting the rows at every request. Outside a unit of work (a handler called directly, or an event applied on its
 * own) each change is written at once.
 *
 * @param <K> the key of the table's counts
 */
public final class CountChanges<K extends Comparable<K>> {

    /**
     * A table of counts: a key column, of PostgreSQL's {@code int} for an {@link Integer} key or {@code text} for a
     * {@link String}, and a column {@code movies}, which the changes are added to.
     */
    public record Table<K>(String name, String key, Class<K> type) {

        public Table {
            if (type != Integer.class && type != String.class) {
                throw new IllegalArgumentException("A count's key is an Integer or a String, not a " + type);
            }
        }

        private String keyType() {
            return type == Integer.class ? "int" : "text";
        }

        @SuppressWarnings("unchecked")
        private K[] array(int length) {
            return (K[]) Array.newInstance(type, length);
        }
    }

    private final JdbcClient jdbc;
    private final Table<K> table;
    private final boolean writeEachAtOnce;
    private final Map<K, Long> changes = new TreeMap<>();

    private CountChanges(JdbcClient jdbc, Table<K> table, boolean writeEachAtOnce) {
        this.jdbc = jdbc;
        this.table = table;
        this.writeEachAtOnce = writeEachAtOnce;
    }

    /**
     * The changes the batch being applied makes to {@code table}, written when it is about to commit: after the
     * writes of the batch registered before the first call, before those registered after it. A projection that
     * counts the rows it writes asks for its counts after its rows, in every handler, so that they are written in
     * that order.
     */
    public static <K extends Comparable<K>> CountChanges<K> ofCurrentBatch(JdbcClient jdbc, Table<K> table) {
        return CurrentBatch.state(CountChanges.class.getName() + "/" + table.name(),
                        () -> new CountChanges<>(jdbc, table, false), CountChanges::write)
                .orElseGet(() -> new CountChanges<>(jdbc, table, true));
    }

    /** Adds movies to (or, negative, takes them from) the count of {@code key}. */
    public void add(K key, long movies) {
        changes.merge(key, movies, Long::sum);
        if (writeEachAtOnce) {
            write();
        }
    }

    /** Adds movies to (or, negative, takes them from) the counts of the keys. */
    public void add(Map<K, ? extends Number> moviesByKey) {
        moviesByKey.forEach((key, movies) -> changes.merge(key, movies.longValue(), Long::sum));
        if (writeEachAtOnce) {
            write();
        }
    }

    private void write() {
        changes.values().removeIf(movies -> movies == 0);
        if (changes.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO %1$s (%2$s, movies)
                        SELECT key, movies
                          FROM unnest(CAST(:keys AS %3$s[]), CAST(:movies AS bigint[])) AS changed (key, movies)
                         ORDER BY key
                        ON CONFLICT (%2$s) DO UPDATE SET movies = %1$s.movies + EXCLUDED.movies"""
                        .formatted(table.name(), table.key(), table.keyType()))
                .param("keys", changes.keySet().toArray(table.array(0)))
                .param("movies", changes.values().toArray(Long[]::new))
                .update();
        // A count back at zero leaves no row, as one never changed: how the events fell into batches (live, or in a
        // replay) leaves no trace in the table.
        if (changes.values().stream().anyMatch(movies -> movies < 0)) {
            jdbc.sql("DELETE FROM %1$s WHERE %2$s = ANY (CAST(:keys AS %3$s[])) AND movies = 0"
                            .formatted(table.name(), table.key(), table.keyType()))
                    .param("keys", changes.keySet().toArray(table.array(0)))
                    .update();
        }
        changes.clear();
    }
}
