package org.cinegraph.query.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.config.ProcessingGroup;
import org.cinegraph.query.testing.ProjectionDatabase;
import org.cinegraph.query.writes.ProjectionTables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each node checks a replay under way once that its copies still have the live tables' shape, and starts it over
 * when they do not; a check that fails (the database away for a moment) is not counted as made: the next step makes
 * it.
 */
class ShapeCheckTest {

    private static final String NAME = "zz-shape-check";
    private static final String TABLE = "zz_shape_check";

    private final JdbcClient jdbc = ProjectionDatabase.jdbc();
    private final TransactionTemplate transactions = new TransactionTemplate(
            new DataSourceTransactionManager(ProjectionDatabase.dataSource()));
    private final ReplayStore store = new ReplayStore(jdbc);

    @ProcessingGroup(NAME)
    @ProjectionTables(TABLE)
    static final class ShapeCheckedProjection {
    }

    @AfterEach
    void forget() {
        jdbc.sql("DELETE FROM projection_replay WHERE name = :name").param("name", NAME).update();
    }

    @Test
    void aCheckThatFailsIsMadeAgainAndStartsTheReplayOverWhenTheCopiesAreGone() {
        // A replay under way whose copies are gone: the check, once made, starts it over.
        assertThat(store.request(NAME)).isTrue();
        transactions.executeWithoutResult(status -> store.rebuilding(NAME, 100));
        AtomicBoolean databaseAway = new AtomicBoolean(true);
        RebuildTables tables = new RebuildTables(jdbc) {
            @Override
            boolean copiesExist(Projection projection) {
                if (databaseAway.get()) {
                    throw new IllegalStateException("the database is away for a moment");
                }
                return super.copiesExist(projection);
            }
        };
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("shapeCheckedProjection", new ShapeCheckedProjection());
        ReplayCoordinator coordinator = new ReplayCoordinator(new Projections(beans), store, tables,
                new SegmentPositions(jdbc, null), null, null, transactions, null, null);

        coordinator.tick();
        assertThat(store.find(NAME).orElseThrow().state()).as("the check failed").isEqualTo(ReplayState.REBUILDING);

        databaseAway.set(false);
        coordinator.tick();
        assertThat(store.find(NAME).orElseThrow().state()).as("the check made at the next step")
                .isEqualTo(ReplayState.REQUESTED);
    }
}
