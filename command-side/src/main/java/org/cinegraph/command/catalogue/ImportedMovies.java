package org.cinegraph.command.catalogue;

import java.sql.Types;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The imported movies of the outcome ledger as the delta sync reads them: which of TMDb's changed movies the
 * catalogue holds, and the content hash of each, against which a record fetched again is compared.
 */
@Repository
public class ImportedMovies {

    private final JdbcClient jdbc;

    ImportedMovies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The day the first movie still in the catalogue was imported: no record it holds is older. */
    public Optional<LocalDate> firstImportDay() {
        return jdbc.sql("""
                        SELECT CAST(min(recorded_at) AT TIME ZONE 'UTC' AS DATE) FROM import_ledger_outcome
                         WHERE outcome = 'imported'""")
                .query((rs, row) -> Optional.ofNullable(rs.getObject(1, LocalDate.class))).single();
    }

    /** Those of {@code tmdbIds} that are imported movies. */
    public List<Integer> among(Collection<Integer> tmdbIds) {
        if (tmdbIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT tmdb_id FROM import_ledger_outcome
                         WHERE outcome = 'imported' AND tmdb_id IN (:ids) ORDER BY tmdb_id""")
                .param("ids", tmdbIds).query(Integer.class).list();
    }

    /** @return whether the record's hash differed from the one on record, which it now replaces */
    public boolean replaceHash(int tmdbId, byte[] hash) {
        SqlParameterValue value = new SqlParameterValue(Types.BINARY, hash);
        return jdbc.sql("""
                        UPDATE import_ledger_outcome SET content_hash = :hash
                         WHERE tmdb_id = :id AND outcome = 'imported' AND content_hash IS DISTINCT FROM :hash""")
                .param("id", tmdbId).param("hash", value).update() == 1;
    }
}
