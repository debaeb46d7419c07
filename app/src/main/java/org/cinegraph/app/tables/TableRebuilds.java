package org.cinegraph.app.tables;

import static org.cinegraph.kernel.problems.Problems.problem;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cinegraph.command.node.BackgroundActions;
import org.cinegraph.command.schedule.DailyImportRecovery;
import org.cinegraph.command.tables.DerivedTables;
import org.cinegraph.command.export.ExportSweepRunner;
import org.cinegraph.command.yearimport.YearImportRunner;
import org.cinegraph.kernel.tables.TableDefinition;
import org.cinegraph.kernel.tables.TableDefinitions;
import org.cinegraph.query.replay.ProjectionRecovery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Brings one table back on a running node, as its kind says: a derived table rebuilt from the events in the
 * background (imports that need it wait for the rebuild's commit, then go on with the rebuilt rows); a projection
 * table by a replay of its projection; a coordination table recreated empty, with what its loss calls for (every
 * projection replayed after the tokens, dead letters or replay bookkeeping were lost). The event store is the one
 * table nothing rebuilds.
 */
@Component
class TableRebuilds {

    private static final Logger log = LoggerFactory.getLogger(TableRebuilds.class);
    /** The coordination tables of the daily import's saga, whose loss {@link DailyImportRecovery} makes good. */
    private static final String TOKENS = "token_entry";
    private static final Set<String> SCHEDULE_TABLES = Set.of("saga_entry", "association_value_entry",
            "scheduled_tasks");

    private final TableStates states;
    private final TableRecovery recovery;
    private final ObjectProvider<DerivedTables> derived;
    private final ObjectProvider<ProjectionRecovery> projections;
    private final ObjectProvider<BackgroundActions> background;
    private final ObjectProvider<YearImportRunner> years;
    private final ObjectProvider<ExportSweepRunner> sweeps;
    private final ObjectProvider<DailyImportRecovery> schedule;
    private final Clock clock;

    TableRebuilds(TableStates states, TableRecovery recovery, ObjectProvider<DerivedTables> derived,
                  ObjectProvider<ProjectionRecovery> projections, ObjectProvider<BackgroundActions> background,
                  ObjectProvider<YearImportRunner> years, ObjectProvider<ExportSweepRunner> sweeps,
                  ObjectProvider<DailyImportRecovery> schedule,
                  Clock clock) {
        this.states = states;
        this.recovery = recovery;
        this.derived = derived;
        this.projections = projections;
        this.background = background;
        this.years = years;
        this.sweeps = sweeps;
        this.schedule = schedule;
        this.clock = clock;
    }

    /** Starts bringing the table back; answers as problem details when it cannot. */
    void rebuild(String name) {
        TableDefinition table = TableDefinitions.bundled().find(name).orElseThrow();
        switch (table.kind()) {
            case EVENT_STORE -> throw problem(HttpStatus.CONFLICT, "Not rebuildable", "Table " + name + " is part of "
                    + "the event store, the only truth: nothing rebuilds it. Restore it from a backup.");
            case PROJECTION -> replay(name);
            case DERIVED -> rebuildFromEvents(name);
            case COORDINATION -> recreate(name);
        }
    }

    private void replay(String name) {
        ProjectionRecovery recovery = projections.getIfAvailable();
        if (recovery == null) {
            throw notHere(name, "the query side");
        }
        String projection = recovery.owner(name).orElseThrow();
        // Dropped with its kept shape (every schema lost), the table is created by its replay from its definition.
        recovery.keepLostShapes();
        if (recovery.requestReplays(List.of(projection)).isEmpty()) {
            throw problem(HttpStatus.CONFLICT, "Rebuild already under way", "Projection " + projection + ", which "
                    + "owns table " + name + ", is being replayed already; GET /api/projections shows its progress.");
        }
    }

    private void rebuildFromEvents(String name) {
        DerivedTables tables = derived.getIfAvailable();
        if (tables == null || !tables.names().contains(name)) {
            throw notHere(name, "the command side");
        }
        if (tables.rebuilding(name)
                || !background.getObject().start("rebuild of table " + name, () -> runRebuild(tables, name))) {
            throw problem(HttpStatus.CONFLICT, "Rebuild already under way",
                    "Table " + name + " is being rebuilt already; GET /api/admin/tables shows when it is done.");
        }
    }

    /** A failure rolls the rebuild back whole and is shown in the table's {@code lastRebuild}, to be tried again. */
    private void runRebuild(DerivedTables tables, String name) {
        Instant started = clock.instant();
        try {
            Map<String, Long> rows = tables.rebuild(List.of(name));
            states.rebuilt(name, new TableStatus.LastRebuild(started, clock.instant(), rows.get(name), null));
            // A year or a sweep whose job stopped for want of the table waits for no trigger: it goes on now.
            years.ifAvailable(YearImportRunner::resumeUnheld);
            sweeps.ifAvailable(ExportSweepRunner::resumeUnheld);
        } catch (RuntimeException e) {
            log.error("The rebuild of table {} failed; the table is as it was before it", name, e);
            states.rebuilt(name, new TableStatus.LastRebuild(started, clock.instant(), null, String.valueOf(
                    e.getMessage())));
        }
    }

    private void recreate(String name) {
        if (TOKENS.equals(name) && !recovery.exists(TOKENS)) {
            // Processors that run keep going without segments, and a replay would find none to reset: the tokens
            // come back as a node starts, which replays every projection and starts the others at the head.
            throw problem(HttpStatus.CONFLICT, "Restart needed", "Table " + TOKENS + " is missing. Restart every "
                    + "node: each recreates it as it starts, replays every projection and starts its other "
                    + "processors at the head of the event store, so no event is applied twice.");
        }
        List<String> recreated = recovery.recreateCoordinationTables();
        ProjectionRecovery replays = projections.getIfAvailable();
        if (replays != null && recreated.stream().anyMatch(TableRecovery.REPLAY_EVERY_PROJECTION::contains)) {
            List<String> requested = replays.requestReplays(replays.projections().keySet());
            log.warn("Tables {} were recreated empty; replaying projections {}", recreated, requested);
        }
        DailyImportRecovery schedule = this.schedule.getIfAvailable();
        if (schedule != null && (SCHEDULE_TABLES.contains(name)
                || recreated.stream().anyMatch(SCHEDULE_TABLES::contains))) {
            // It waits for the saga's processor to have seen the schedule's latest events: in the background.
            background.getObject().start("restore of the daily import", () -> {
                DailyImportRecovery.Restoration restored = schedule.restore();
                log.info("The daily import after table {} was recreated: {}", name, restored);
            });
        }
    }

    private static RuntimeException notHere(String name, String side) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "Not on this node", "Table " + name + " belongs to " + side
                + ", which this node does not run (cinegraph.roles); ask a node that runs it.");
    }
}
