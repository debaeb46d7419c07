package org.cinegraph.query.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.cinegraph.query.testing.ProjectionDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A rebuild's copies have the live tables' shape, storage included ({@code movies.tmdb_data} is stored uncompressed
 * since V35), and no longer match once the live tables change under them.
 */
class RebuildTablesTest {

    private final JdbcClient jdbc = ProjectionDatabase.jdbc();
    private final TransactionTemplate transactions = new TransactionTemplate(
            new DataSourceTransactionManager(ProjectionDatabase.dataSource()));
    private final RebuildTables tables = new RebuildTables(jdbc);
    private final Projection movies = new Projection("movies", List.of("movies", "movie_year_counts", "movie_counts"),
            List.of());

    /** In one transaction, rolled back: no other test sees the copies. */
    @Test
    void aCopyStoredOtherwiseThanTheLiveTableNoLongerMatchesIt() {
        transactions.executeWithoutResult(status -> {
            tables.createCopies(movies);
            assertThat(storage("movies")).as("the live records are stored uncompressed").isEqualTo("e");
            assertThat(storage(RebuildTables.REBUILD + ".movies")).as("and so are the copy's").isEqualTo("e");
            assertThat(tables.copiesMatchLive(movies)).isTrue();

            jdbc.sql("ALTER TABLE movies ALTER COLUMN tmdb_data SET STORAGE EXTENDED").update();

            assertThat(tables.copiesMatchLive(movies)).as("a migration changed the live table's storage").isFalse();
            status.setRollbackOnly();
        });
    }

    private String storage(String table) {
        return jdbc.sql("""
                        SELECT attstorage FROM pg_attribute
                         WHERE attrelid = to_regclass(:table) AND attname = 'tmdb_data'""")
                .param("table", table).query(String.class).single();
    }
}
