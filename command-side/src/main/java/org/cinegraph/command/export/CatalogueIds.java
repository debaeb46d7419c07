package org.cinegraph.command.export;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.BitSet;
import javax.sql.DataSource;
import org.cinegraph.events.ImportSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The catalogue's ids as bits, read from the command side's ledgers a few thousand rows at a time: PostgreSQL's
 * driver streams a query's rows only inside a transaction and with a fetch size, else it holds them all at once.
 */
@Repository
public class CatalogueIds {

    private static final int FETCH_SIZE = 10_000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;

    CatalogueIds(DataSource dataSource, PlatformTransactionManager transactions) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(FETCH_SIZE);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** Every movie with an outcome (imported, skipped or failed), whichever source found it. */
    public BitSet withOutcome() {
        return ids("SELECT tmdb_id FROM import_ledger_outcome");
    }

    /**
     * Every movie whose outcome was recorded before {@code instant}: those an export published since could already
     * list. A movie TMDb added after an export was made is missing from it without being removed.
     */
    public BitSet withOutcomeBefore(Instant instant) {
        BitSet ids = new BitSet();
        readOnly.executeWithoutResult(status -> jdbc.query("SELECT tmdb_id FROM import_ledger_outcome WHERE recorded_at < ?",
                rs -> {
                    ids.set(rs.getInt(1));
                }, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC)));
        return ids;
    }

    /** How many movies the export's sweep recorded an outcome for since {@code instant}. */
    public long sweptSince(Instant instant) {
        Long swept = jdbc.queryForObject("SELECT count(*) FROM import_ledger_outcome WHERE source = ? AND recorded_at >= ?",
                Long.class, ImportSource.EXPORT.value(), OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
        return swept == null ? 0 : swept;
    }

    /** How many movies were recorded as removed since {@code instant}, and are still. */
    public long removedSince(Instant instant) {
        Long removed = jdbc.queryForObject("SELECT count(*) FROM import_ledger_removed WHERE removed_at >= ?",
                Long.class, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
        return removed == null ? 0 : removed;
    }

    /** Every movie recorded as removed from TMDb and not restored since. */
    public BitSet removed() {
        return ids("SELECT tmdb_id FROM import_ledger_removed");
    }

    private BitSet ids(String query) {
        BitSet ids = new BitSet();
        readOnly.executeWithoutResult(status -> jdbc.query(query, rs -> {
            ids.set(rs.getInt(1));
        }));
        return ids;
    }
}
