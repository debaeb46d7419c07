package org.cinegraph.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import javax.sql.DataSource;
import org.cinegraph.command.export.CatalogueIds;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The catalogue's ids read as bits are exactly the ledgers' rows, at a size where reading them all at once would
 * show. The rows are written in a transaction that is rolled back, which the reads join, so the other tests of the
 * shared application never see them.
 */
@ApplicationTest
class CatalogueIdsTest {

    private static final int ROWS = 300_000;

    @Autowired
    CatalogueIds catalogueIds;

    @Autowired
    DataSource dataSource;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void theIdsWithAnOutcomeAndTheRemovedIdsAreTheLedgersRows() {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        new TransactionTemplate(transactions).executeWithoutResult(rolledBack -> {
            rolledBack.setRollbackOnly();
            // Ids spread over TMDb's range with gaps, every outcome and source; an id another test recorded stays
            // as it is.
            jdbc.sql("""
                    INSERT INTO import_ledger_outcome (tmdb_id, year, outcome, attempts, recorded_at, source)
                    SELECT 1 + i * 5 + i % 3, 1900 + i % 126, (ARRAY['imported', 'skipped', 'failed'])[1 + i % 3],
                           1, now(), (ARRAY['year_import', 'export', 'list:x'])[1 + i % 3]
                    FROM generate_series(0, :rows - 1) AS i
                    ON CONFLICT (tmdb_id) DO NOTHING""").param("rows", ROWS).update();
            jdbc.sql("""
                    INSERT INTO import_ledger_removed (tmdb_id, export_date, removed_at)
                    SELECT 2 + i * 97, DATE '2026-03-07', now() FROM generate_series(0, 9999) AS i
                    ON CONFLICT (tmdb_id) DO NOTHING""").update();

            BitSet withOutcome = catalogueIds.withOutcome();
            BitSet removed = catalogueIds.removed();

            assertThat(withOutcome).isEqualTo(rows(jdbc, "SELECT tmdb_id FROM import_ledger_outcome"));
            assertThat(removed).isEqualTo(rows(jdbc, "SELECT tmdb_id FROM import_ledger_removed"));
            BitSet inserted = new BitSet();
            for (int i = 0; i < ROWS; i++) {
                inserted.set(1 + i * 5 + i % 3);
            }
            inserted.andNot(withOutcome);
            assertThat(inserted.isEmpty()).as("every row inserted is read").isTrue();
            assertThat(removed.cardinality()).isGreaterThanOrEqualTo(10_000);
        });
    }

    private static BitSet rows(JdbcClient jdbc, String query) {
        BitSet ids = new BitSet();
        jdbc.sql(query).query((RowCallbackHandler) row -> ids.set(row.getInt(1)));
        return ids;
    }
}
