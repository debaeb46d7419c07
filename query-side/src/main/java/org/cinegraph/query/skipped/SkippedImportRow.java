package org.cinegraph.query.skipped;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import org.hibernate.annotations.Immutable;

/** A row of {@code skipped_imports}, which the skipped-imports projection writes: a movie the quality filter kept out. */
@Entity
@Immutable
@Table(name = "skipped_imports")
class SkippedImportRow {

    @Id
    private int tmdbId;
    private String imdbId;
    private String title;
    private Integer year;
    private String source;
    private String reason;
    private String[] criteriaFailed;
    private Instant skippedAt;

    protected SkippedImportRow() {
    }

    SkippedImportsController.SkippedImport view() {
        return new SkippedImportsController.SkippedImport(tmdbId, imdbId, title, year, reason,
                Arrays.asList(criteriaFailed), skippedAt);
    }
}
