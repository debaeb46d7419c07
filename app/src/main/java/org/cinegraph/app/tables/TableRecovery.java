package org.cinegraph.app.tables;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.cinegraph.command.tables.DerivedTables;
import org.cinegraph.kernel.tables.TableDefinition;
import org.cinegraph.kernel.tables.TableDefinitions;
import org.cinegraph.kernel.tables.TableKind;
import org.cinegraph.query.replay.ProjectionRecovery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Brings back, when a node starts, every table that was lost (dropped, or emptied although events it is made from were
 * recorded), before anything runs that needs one: the first of the application's lifecycle, before Axon's
 * processors, the daily schedule's deadlines, the resumed imports and the web server.
 *
 * <ul>
 *   <li>The event store cannot come back: a node without it refuses to start.</li>
 *   <li>Coordination tables (tokens, sagas, deadlines, dead letters, replay bookkeeping) are recreated empty from
 *       their definitions. Each streaming processor without tokens starts at the head of the store, never at its
 *       tail, so no event is applied twice; a projection without tokens is replayed instead, and every projection
 *       when the dead letters or the replays' bookkeeping were lost.</li>
 *   <li>Derived tables of the command side are rebuilt from the events, in bulk ({@link DerivedTables}).</li>
 *   <li>Projection tables are replayed by the projections, which request it themselves for a missing table; when
 *       its kept shape was lost too, the shape is kept again from the definitions first.</li>
 * </ul>
 *
 * A node that runs only one side rebuilds that side's tables; the other side's wait for a node that runs it.
 */
@Component
class TableRecovery implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TableRecovery.class);
    /** The advisory lock under which nodes starting together recreate tables one at a time: "recovery". */
    private static final long RECOVERY_LOCK = 0x7265636f76657279L;
    /** The tables whose loss means every projection may miss events or apply some twice: all are replayed. */
    static final Set<String> REPLAY_EVERY_PROJECTION = Set.of("dead_letter_entry", "projection_replay",
            "token_entry");

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ObjectProvider<DerivedTables> derived;
    private final ObjectProvider<ProjectionRecovery> projections;
    private final ObjectProvider<TokenStore> tokens;
    private volatile boolean running;

    TableRecovery(JdbcClient jdbc, TransactionTemplate transactions, ObjectProvider<DerivedTables> derived,
                  ObjectProvider<ProjectionRecovery> projections, ObjectProvider<TokenStore> tokens) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.derived = derived;
        this.projections = projections;
        this.tokens = tokens;
    }

    @Override
    public void start() {
        List<String> recreated = recreateCoordinationTables();
        derived.ifAvailable(this::rebuildLostDerivedTables);
        projections.ifAvailable(recovery -> replayLostProjections(recovery, recreated));
        running = true;
    }

    /**
     * Recreates every missing coordination table, empty, in one transaction under a lock that nodes starting
     * together take in turn; refuses to go on without the event store.
     *
     * @return the tables recreated
     */
    List<String> recreateCoordinationTables() {
        return transactions.execute(status -> {
            jdbc.sql("SELECT pg_advisory_xact_lock(:key)").param("key", RECOVERY_LOCK).query(Object.class).single();
            List<String> recreated = new ArrayList<>();
            for (TableDefinition table : TableDefinitions.bundled().all()) {
                if (exists(table.name())) {
                    continue;
                }
                if (table.kind() == TableKind.EVENT_STORE) {
                    throw new IllegalStateException("The event store's table " + table.name() + " is missing. It is "
                            + "the one table nothing can rebuild: restore the database from a backup.");
                }
                if (table.kind() == TableKind.COORDINATION) {
                    log.warn("Table {} is missing; recreating it empty ({})", table.name(), table.comment().comesBack());
                    table.statements().forEach(statement -> jdbc.sql(statement).update());
                    recreated.add(table.name());
                }
            }
            return recreated;
        });
    }

    /**
     * Rebuilds the lost derived tables, each at most once: a table that tells whether it lost rows from another
     * derived table is asked again once that one is rebuilt.
     */
    private void rebuildLostDerivedTables(DerivedTables tables) {
        Set<String> rebuilt = new HashSet<>();
        for (List<String> lost = stillLost(tables, rebuilt); !lost.isEmpty(); lost = stillLost(tables, rebuilt)) {
            log.warn("Tables {} are lost; rebuilding them from the events before anything resumes", lost);
            try {
                tables.rebuild(lost);
                rebuilt.addAll(lost);
            } catch (DerivedTables.AlreadyRebuildingException e) {
                // Another node rebuilds them as it starts too: wait for it, then look again.
                sleep();
            } catch (PessimisticLockingFailureException e) {
                // Another node's writers took the tables in another order: nothing was written; try again.
                log.warn("The rebuild of {} met another node's writes ({}); trying again", lost, e.getMessage());
                sleep();
            }
        }
    }

    private static List<String> stillLost(DerivedTables tables, Set<String> rebuilt) {
        return tables.lost().stream().filter(table -> !rebuilt.contains(table)).toList();
    }

    private void replayLostProjections(ProjectionRecovery recovery, List<String> recreated) {
        recovery.keepLostShapes();
        if (!jdbc.sql("SELECT EXISTS (SELECT 1 FROM domain_event_entry)").query(Boolean.class).single()) {
            return;
        }
        boolean replayAll = recreated.stream().anyMatch(REPLAY_EVERY_PROJECTION::contains);
        Set<String> replay = new LinkedHashSet<>();
        TokenStore tokenStore = tokens.getObject();
        for (String projection : recovery.projections().keySet()) {
            boolean withoutTokens = transactions.execute(status -> tokenStore.fetchSegments(projection).length == 0);
            if (replayAll || withoutTokens) {
                replay.add(projection);
            }
        }
        if (!replay.isEmpty()) {
            List<String> requested = recovery.requestReplays(replay);
            log.warn("Projections {} may have lost events or their positions ({}); replaying {}", replay,
                    recreated.isEmpty() ? "no tokens" : "tables " + recreated + " were recreated", requested);
        }
    }

    boolean exists(String table) {
        return jdbc.sql("SELECT to_regclass(:table) IS NOT NULL").param("table", table).query(Boolean.class).single();
    }

    private static void sleep() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while another node rebuilt lost tables", e);
        }
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before every other part of the application's lifecycle. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE;
    }
}
