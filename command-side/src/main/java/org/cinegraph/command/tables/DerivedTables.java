package org.cinegraph.command.tables;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.cinegraph.kernel.tables.LostTables;
import org.cinegraph.kernel.tables.TableDefinition;
import org.cinegraph.kernel.tables.TableDefinitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds the command side's derived tables from the event store, in bulk: one read of the store, by the types of
 * events the tables are made from, each event upcast and decoded once and handed to every table made from it. A
 * rebuild runs in one transaction that holds the tables locked against every writer (an import whose write needs one
 * waits for the rebuild, then writes to the rebuilt rows), so the rows are those of exactly the events committed
 * before it; and under an advisory lock per table, so it runs once at a time across nodes, and every node sees the
 * table {@code rebuilding}.
 */
public class DerivedTables implements LostTables {

    private static final Logger log = LoggerFactory.getLogger(DerivedTables.class);
    /** Events read and decoded per step: bounded memory, whatever the store holds. */
    private static final int CHUNK = 1000;

    private final Map<String, DerivedTable> tables = new LinkedHashMap<>();
    private final JdbcClient jdbc;
    /** Reads the events in a cursor, a chunk at a time. */
    private final JdbcTemplate events;
    private final TransactionTemplate transaction;
    private final Serializer serializer;
    private final EventUpcaster upcasters;

    public DerivedTables(Collection<DerivedTable> tables, DataSource dataSource,
                         PlatformTransactionManager transactions, Serializer serializer, EventUpcaster upcasters) {
        tables.forEach(table -> this.tables.put(table.name(), table));
        this.jdbc = JdbcClient.create(dataSource);
        this.events = new JdbcTemplate(dataSource);
        this.events.setFetchSize(CHUNK);
        this.transaction = new TransactionTemplate(transactions);
        this.serializer = serializer;
        this.upcasters = upcasters;
    }

    /** The names of the derived tables this node can rebuild. */
    public Set<String> names() {
        return new TreeSet<>(tables.keySet());
    }

    /** The stored payload types the named tables are made from. */
    public List<String> sourceTypes(Collection<String> names) {
        return types(names.stream().map(tables::get).filter(Objects::nonNull).toList());
    }

    /** The tables that are lost: missing, or present without rows they must hold ({@link DerivedTable#lostRows}). */
    @Override
    public List<String> lost() {
        List<String> lost = new ArrayList<>();
        for (DerivedTable table : tables.values()) {
            if (!exists(table.name())) {
                lost.add(table.name());
            } else {
                try {
                    if (table.lostRows(jdbc)) {
                        lost.add(table.name());
                    }
                } catch (DataAccessException another) {
                    // It reads another derived table, missing too: asked again once that one is rebuilt.
                    log.debug("Could not tell whether table {} lost rows: {}", table.name(), another.getMessage());
                }
            }
        }
        return lost;
    }

    /** Whether the table is being rebuilt now, by this node or another. */
    public boolean rebuilding(String name) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted
                                          AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
                                          AND classid::bigint = :high AND objid::bigint = :low AND objsubid = 1)""")
                .param("high", lockKey(name) >>> 32).param("low", lockKey(name) & 0xffffffffL)
                .query(Boolean.class).single();
    }

    /**
     * Rebuilds the tables from the events: each one recreated from its definition when it is missing, emptied
     * otherwise, and filled.
     *
     * @return the rows each table holds now
     * @throws AlreadyRebuildingException when another rebuild of one of them runs, here or on another node
     */
    public Map<String, Long> rebuild(Collection<String> names) {
        List<DerivedTable> chosen = names.stream().distinct().map(name -> Optional.ofNullable(tables.get(name))
                        .orElseThrow(() -> new IllegalArgumentException("No derived table " + name)))
                .toList();
        if (chosen.isEmpty()) {
            return Map.of();
        }
        long started = System.nanoTime();
        Map<String, Long> rows = transaction.execute(status -> {
            for (DerivedTable table : chosen) {
                if (!jdbc.sql("SELECT pg_try_advisory_xact_lock(:key)").param("key", lockKey(table.name()))
                        .query(Boolean.class).single()) {
                    throw new AlreadyRebuildingException(table.name());
                }
            }
            for (DerivedTable table : chosen) {
                if (exists(table.name())) {
                    jdbc.sql("LOCK TABLE " + table.name() + " IN ACCESS EXCLUSIVE MODE").update();
                    jdbc.sql("TRUNCATE " + table.name()).update();
                } else {
                    TableDefinition definition = TableDefinitions.bundled().find(table.name()).orElseThrow();
                    definition.statements().forEach(statement -> jdbc.sql(statement).update());
                }
            }
            fill(chosen);
            Map<String, Long> counted = new LinkedHashMap<>();
            for (DerivedTable table : chosen) {
                counted.put(table.name(),
                        jdbc.sql("SELECT count(*) FROM " + table.name()).query(Long.class).single());
            }
            return counted;
        });
        log.info("Rebuilt {} from the events in {} ms: {}", chosen.stream().map(DerivedTable::name).toList(),
                (System.nanoTime() - started) / 1_000_000, rows);
        return rows;
    }

    private void fill(List<DerivedTable> chosen) {
        Map<String, List<DerivedTable.Load>> byType = new HashMap<>();
        List<DerivedTable.Load> loads = new ArrayList<>();
        for (DerivedTable table : chosen) {
            DerivedTable.Load load = table.load(jdbc);
            loads.add(load);
            table.sources().forEach(type -> byType.computeIfAbsent(type.getName(), t -> new ArrayList<>()).add(load));
        }
        List<StoredRow> chunk = new ArrayList<>(CHUNK);
        Consumer<List<StoredRow>> decode = rows -> {
            // Read as a tracking processor reads the store: an event appended outside an aggregate (most of them)
            // has no aggregate type, which a domain event stream requires; and an upcaster may drop or split events,
            // so each one's position comes with it.
            List<TrackedEventMessage<?>> decoded = EventUtils.upcastAndDeserializeTrackedEvents(
                    rows.stream().map(row -> new TrackedDomainEventData<>(
                            new GlobalSequenceTrackingToken(row.globalIndex()), row.entry())),
                    serializer, upcasters).toList();
            for (TrackedEventMessage<?> event : decoded) {
                DerivedTable.StoredEvent stored = new DerivedTable.StoredEvent(
                        ((GlobalSequenceTrackingToken) event.trackingToken()).getGlobalIndex(),
                        event.getTimestamp(), event.getPayload());
                for (DerivedTable.Load load : byType.getOrDefault(event.getPayloadType().getName(), List.of())) {
                    load.apply(stored);
                }
            }
        };
        events.query(con -> {
            var statement = con.prepareStatement("""
                    SELECT global_index, type, aggregate_identifier, sequence_number, event_identifier, time_stamp,
                           payload_type, payload_revision, payload, meta_data
                      FROM domain_event_entry WHERE payload_type = ANY (?) ORDER BY global_index""");
            statement.setArray(1, con.createArrayOf("varchar", types(chosen).toArray()));
            return statement;
        }, rs -> {
            byte[] metaData = rs.getBytes("meta_data");
            chunk.add(new StoredRow(rs.getLong("global_index"), new GenericDomainEventEntry<>(
                    rs.getString("type"), rs.getString("aggregate_identifier"), rs.getLong("sequence_number"),
                    rs.getString("event_identifier"), rs.getString("time_stamp"), rs.getString("payload_type"),
                    rs.getString("payload_revision"), rs.getBytes("payload"),
                    metaData == null ? "{}".getBytes() : metaData)));
            if (chunk.size() == CHUNK) {
                decode.accept(chunk);
                chunk.clear();
            }
        });
        if (!chunk.isEmpty()) {
            decode.accept(chunk);
        }
        loads.forEach(DerivedTable.Load::finish);
    }

    private boolean exists(String table) {
        return jdbc.sql("SELECT to_regclass(:table) IS NOT NULL").param("table", table).query(Boolean.class).single();
    }

    private static List<String> types(List<DerivedTable> tables) {
        return tables.stream().flatMap(table -> table.sources().stream()).map(Class::getName).distinct()
                .collect(Collectors.toList());
    }

    /** The advisory lock a rebuild of the table holds: a key no other code of this application uses. */
    private static long lockKey(String table) {
        return 0x7461626c00000000L | (table.hashCode() & 0xffffffffL); // "tabl"
    }

    private record StoredRow(long globalIndex, GenericDomainEventEntry<byte[]> entry) {
    }

    /** Another rebuild of the table runs, on this node or another. */
    public static class AlreadyRebuildingException extends RuntimeException {

        public AlreadyRebuildingException(String table) {
            super("Table " + table + " is being rebuilt already");
        }
    }
}
