package org.cinegraph.query.replay;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cinegraph.kernel.tables.TableDefinitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the rest of the application asks of the projections when tables were lost: which projection owns a table,
 * its replay's state, a replay requested (carried out by {@link ReplayCoordinator} on every node), and the shape of
 * a projection table kept again from the bundled definitions when both the table and its kept shape are gone.
 */
@Component
public class ProjectionRecovery {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRecovery.class);

    private final Projections projections;
    private final ReplayStore store;
    private final RebuildTables tables;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    ProjectionRecovery(Projections projections, ReplayStore store, RebuildTables tables, JdbcClient jdbc,
                       TransactionTemplate transactions) {
        this.projections = projections;
        this.store = store;
        this.tables = tables;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** Every projection's name, with the tables it owns. */
    public Map<String, List<String>> projections() {
        Map<String, List<String>> all = new LinkedHashMap<>();
        projections.all().forEach(projection -> all.put(projection.name(), projection.tables()));
        return all;
    }

    /** The projection that owns the table, if one does. */
    public Optional<String> owner(String table) {
        return projections.all().stream().filter(projection -> projection.tables().contains(table))
                .map(Projection::name).findFirst();
    }

    /** The state of the projection's latest replay ({@code requested}, {@code rebuilding}, ...), if it had one. */
    public Optional<String> replayState(String projection) {
        return store.find(projection).map(ReplayState::state);
    }

    /**
     * Asks for a replay of each projection not being replayed already; every node carries it out once it runs.
     *
     * @return the projections whose replay was requested now
     */
    public List<String> requestReplays(Collection<String> names) {
        return transactions.execute(status -> names.stream().filter(name -> projections.find(name).isPresent())
                .filter(store::request).toList());
    }

    /**
     * For each table of a projection that exists neither live nor as a kept shape (every table was dropped, the
     * shapes' too), keeps its shape again from the bundled definitions, so that its replay can create it.
     *
     * @return the tables whose shape was kept again
     */
    public List<String> keepLostShapes() {
        return transactions.execute(status -> {
            String live = tables.liveSchema();
            List<String> kept = projections.all().stream().flatMap(projection -> projection.tables().stream())
                    .filter(table -> !tables.exists(live, table) && !tables.exists(RebuildTables.SHAPE, table))
                    .toList();
            for (String table : kept) {
                List<String> statements = TableDefinitions.bundled().find(table).orElseThrow(
                        () -> new IllegalStateException("Projection table " + table + " has no bundled definition"))
                        .statements();
                jdbc.sql("SELECT set_config('search_path', :schema, true)").param("schema", RebuildTables.SHAPE)
                        .query(String.class).single();
                statements.forEach(statement -> jdbc.sql(statement).update());
                jdbc.sql("SELECT set_config('search_path', :schema, true)").param("schema", live)
                        .query(String.class).single();
                log.warn("Table {} and its kept shape are missing; its shape is kept again from the definitions", table);
            }
            return kept;
        });
    }
}
