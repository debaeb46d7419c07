package org.cinegraph.app.tables;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.cinegraph.command.tables.DerivedTables;
import org.cinegraph.kernel.tables.TableDefinition;
import org.cinegraph.kernel.tables.TableDefinitions;
import org.cinegraph.kernel.tables.TableKind;
import org.cinegraph.query.replay.ProjectionRecovery;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Every table of the application (the bundled definitions), with what its comment says and how it stands now: rows,
 * and whether it is present, missing or being rebuilt, by this node or another.
 */
@Component
class TableStates {

    /** Tables estimated larger than this are not counted row by row: PostgreSQL's estimate is shown. */
    private static final long COUNTED_UP_TO = 100_000;

    private final JdbcClient jdbc;
    private final ObjectProvider<DerivedTables> derived;
    private final ObjectProvider<ProjectionRecovery> projections;
    /** The last rebuild this node ran of each derived table. */
    private final Map<String, TableStatus.LastRebuild> lastRebuilds = new ConcurrentHashMap<>();

    TableStates(JdbcClient jdbc, ObjectProvider<DerivedTables> derived, ObjectProvider<ProjectionRecovery> projections) {
        this.jdbc = jdbc;
        this.derived = derived;
        this.projections = projections;
    }

    List<TableStatus> all() {
        return TableDefinitions.bundled().all().stream().map(this::status).toList();
    }

    Optional<TableStatus> find(String name) {
        return TableDefinitions.bundled().find(name).map(this::status);
    }

    void rebuilt(String name, TableStatus.LastRebuild rebuild) {
        lastRebuilds.put(name, rebuild);
    }

    private TableStatus status(TableDefinition table) {
        String projection = table.kind() == TableKind.PROJECTION
                ? Optional.ofNullable(projections.getIfAvailable()).flatMap(recovery -> recovery.owner(table.name()))
                .orElse(null)
                : null;
        Long estimate = jdbc.sql("SELECT CAST(reltuples AS bigint) FROM pg_class WHERE oid = to_regclass(:table)")
                .param("table", table.name()).query(Long.class).optional().orElse(null);
        Long rows = null;
        boolean estimated = false;
        String state;
        if (rebuilding(table, projection)) {
            // A derived table being rebuilt is locked until the rebuild commits: its rows are not counted meanwhile.
            state = TableStatus.REBUILDING;
        } else if (estimate == null) {
            state = TableStatus.MISSING;
        } else {
            estimated = estimate > COUNTED_UP_TO;
            rows = estimated ? estimate
                    : jdbc.sql("SELECT count(*) FROM " + table.name()).query(Long.class).single();
            state = TableStatus.PRESENT;
        }
        return new TableStatus(table.name(), table.kind().label(), table.comment().owner(),
                table.comment().comesBack(), table.comment().holds(), projection, rows, estimated,
                state, lastRebuilds.get(table.name()));
    }

    /** Whether the projection is being replayed; not while the replays' own table is missing, which says nothing. */
    private boolean replaying(String projection) {
        try {
            return projections.getObject().replayState(projection)
                    .filter(state -> state.equals("requested") || state.equals("rebuilding")).isPresent();
        } catch (DataAccessException missing) {
            return false;
        }
    }

    private boolean rebuilding(TableDefinition table, String projection) {
        return switch (table.kind()) {
            case DERIVED -> Optional.ofNullable(derived.getIfAvailable())
                    .map(tables -> tables.rebuilding(table.name())).orElse(false);
            case PROJECTION -> projection != null && replaying(projection);
            default -> false;
        };
    }
}
