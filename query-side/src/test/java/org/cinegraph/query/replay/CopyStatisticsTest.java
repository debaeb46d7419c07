package org.cinegraph.query.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.cinegraph.query.testing.ProjectionDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A bulk load has PostgreSQL analyze a projection's copies after its first 5,000 events and again once it has seen
 * four times as many as at the last analysis, whichever segments applied them; an analysis that fails does not stop
 * the load.
 */
class CopyStatisticsTest {

    private static final String TABLE = "zz_copy_statistics";

    private final JdbcClient jdbc = ProjectionDatabase.jdbc();
    private final TransactionTemplate transactions = new TransactionTemplate(
            new DataSourceTransactionManager(ProjectionDatabase.dataSource()));
    private final Projection projection = new Projection("zz", List.of(TABLE), List.of());
    private final CopyStatistics statistics = new CopyStatistics(projection, new RebuildTables(jdbc), transactions);

    @BeforeEach
    void aCopyNeverAnalyzed() {
        jdbc.sql("CREATE SCHEMA IF NOT EXISTS " + RebuildTables.REBUILD).update();
        jdbc.sql("DROP TABLE IF EXISTS " + RebuildTables.REBUILD + "." + TABLE).update();
        jdbc.sql("CREATE TABLE " + RebuildTables.REBUILD + "." + TABLE + " (id integer PRIMARY KEY)").update();
        rows(3);
    }

    @Test
    void theCopiesAreAnalyzedAsTheLoadGrowsFourfold() {
        statistics.applied(4_999);
        assertThat(analyzedRows()).as("never analyzed").isEqualTo(-1);
        statistics.applied(1);
        assertThat(analyzedRows()).as("after 5,000 events").isEqualTo(3);

        rows(10);
        statistics.applied(14_999);
        assertThat(analyzedRows()).as("not yet at 20,000").isEqualTo(3);
        statistics.applied(1);
        assertThat(analyzedRows()).as("at 20,000").isEqualTo(13);

        rows(20);
        statistics.applied(500_000);
        assertThat(analyzedRows()).as("once, past several thresholds").isEqualTo(33);
        rows(40);
        statistics.applied(1);
        assertThat(analyzedRows()).as("the next at four times 520,000").isEqualTo(33);
    }

    @Test
    void aCopyThatCannotBeAnalyzedLeavesTheLoadGoingOn() {
        jdbc.sql("DROP TABLE " + RebuildTables.REBUILD + "." + TABLE).update();
        statistics.applied(5_000);
        jdbc.sql("CREATE TABLE " + RebuildTables.REBUILD + "." + TABLE + " (id integer PRIMARY KEY)").update();
        statistics.applied(15_000);
        assertThat(analyzedRows()).as("the next threshold").isZero();
    }

    private void rows(int count) {
        String copy = RebuildTables.REBUILD + "." + TABLE;
        jdbc.sql("INSERT INTO " + copy + " SELECT (SELECT coalesce(max(id), 0) FROM " + copy + ") + n"
                + " FROM generate_series(1, :count) n").param("count", count).update();
    }

    private float analyzedRows() {
        return jdbc.sql("SELECT reltuples FROM pg_class WHERE oid = to_regclass(:name)")
                .param("name", RebuildTables.REBUILD + "." + TABLE).query(Float.class).single();
    }
}
