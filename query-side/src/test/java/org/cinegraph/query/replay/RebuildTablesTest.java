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
 * since V35), and no longer match once the live tables change under them; they take the tables' storage parameters
 * ({@code year_progress_movie}'s fill since V36) when made and again when swapped in.
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

    /** In one transaction, rolled back: the live tables' parameters are set here, and no other test sees them. */
    @Test
    void aCopyTakesTheLiveTablesStorageParametersWhenMadeAndAgainWhenSwappedIn() {
        Projection yearProgress = new Projection("year-progress",
                List.of("year_progress", "year_progress_movie", "year_progress_page"), List.of());
        transactions.executeWithoutResult(status -> {
            jdbc.sql("ALTER TABLE movies SET (autovacuum_vacuum_scale_factor = 0.05,"
                    + " toast.autovacuum_enabled = false)").update();
            tables.createCopies(movies);
            tables.createCopies(yearProgress);

            assertThat(parameters("year_progress_movie")).as("V36").containsExactly("fillfactor=50");
            assertThat(parameters(RebuildTables.REBUILD + ".year_progress_movie")).containsExactly("fillfactor=50");
            assertThat(parameters(RebuildTables.REBUILD + ".movies"))
                    .containsExactly("autovacuum_vacuum_scale_factor=0.05");
            assertThat(toastParameters(RebuildTables.REBUILD + ".movies")).containsExactly("autovacuum_enabled=false");

            jdbc.sql("ALTER TABLE year_progress_movie SET (fillfactor = 70)").update();
            jdbc.sql("ALTER TABLE movies RESET (toast.autovacuum_enabled)").update();
            assertThat(tables.copiesMatchLive(yearProgress)).as("the rows copied are right whatever the fill").isTrue();
            tables.swap(yearProgress);
            tables.swap(movies);

            assertThat(parameters("year_progress_movie")).as("swapped in with the fill set meanwhile")
                    .containsExactly("fillfactor=70");
            assertThat(parameters("movies")).containsExactly("autovacuum_vacuum_scale_factor=0.05");
            assertThat(toastParameters("movies")).as("and without the setting taken away meanwhile").isEmpty();
            status.setRollbackOnly();
        });
    }

    private List<String> parameters(String table) {
        return jdbc.sql("SELECT unnest(reloptions) FROM pg_class WHERE oid = to_regclass(:table)")
                .param("table", table).query(String.class).list();
    }

    private List<String> toastParameters(String table) {
        return jdbc.sql("""
                        SELECT unnest(toast.reloptions)
                          FROM pg_class t JOIN pg_class toast ON toast.oid = t.reltoastrelid
                         WHERE t.oid = to_regclass(:table)""")
                .param("table", table).query(String.class).list();
    }

    private String storage(String table) {
        return jdbc.sql("""
                        SELECT attstorage FROM pg_attribute
                         WHERE attrelid = to_regclass(:table) AND attname = 'tmdb_data'""")
                .param("table", table).query(String.class).single();
    }
}
