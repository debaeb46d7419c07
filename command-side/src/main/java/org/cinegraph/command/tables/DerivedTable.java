package org.cinegraph.command.tables;

import java.time.Instant;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A table of the command side derived from events (its comment says {@code kind: derived}): its owner writes a row
 * in the transaction of the event the row guards, and can fill the whole table again from those events, in the
 * order they were stored, to the same rows. {@link DerivedTables} does it when the table is lost.
 *
 * <p>An implementation is a bean that needs nothing of the database when it is made: a node rebuilds its lost
 * tables when it starts, before anything else runs.
 */
public interface DerivedTable {

    /** The table's name, as its migration created it. */
    String name();

    /** The event types the table is made from (their stored payload type is the class's name). */
    Set<Class<?>> sources();

    /**
     * Whether the table, present, has lost rows it must hold (emptied by hand, say). By default: it is empty
     * although an event of its {@link #sources()} is stored. A table whose rows events also remove, or that holds
     * a row from the start, says so more precisely. It may read other derived tables; one missing answers false
     * until it is rebuilt.
     */
    default boolean lostRows(JdbcClient jdbc) {
        return jdbc.sql("SELECT NOT EXISTS (SELECT 1 FROM " + name() + ") AND EXISTS (SELECT 1 FROM domain_event_entry"
                        + " WHERE payload_type IN (:types))")
                .param("types", sources().stream().map(Class::getName).toList()).query(Boolean.class).single();
    }

    /**
     * A load into the table, which is empty and locked against every other writer until the load's transaction
     * commits. {@code jdbc} writes in that transaction.
     */
    Load load(JdbcClient jdbc);

    /** One fill of the table. */
    interface Load {

        /** The next event of the {@link #sources()}, in the order of the store, upcast to its current revision. */
        void apply(StoredEvent event);

        /** No event follows: writes what is left. */
        void finish();
    }

    /**
     * An event as stored.
     *
     * @param globalIndex its position in the store
     * @param timestamp   when it was recorded (Axon's timestamp, as {@code @Timestamp} gives it to a handler)
     * @param payload     the event, of one of the table's {@link #sources()}
     */
    record StoredEvent(long globalIndex, Instant timestamp, Object payload) {
    }
}
