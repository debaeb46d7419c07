package org.cinegraph.query.failures;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/**
 * A row of {@code import_failures}, which the import-failures projection writes: a failure, known by its source and
 * its subject within the source.
 */
@Entity
@Immutable
@Table(name = "import_failures")
@IdClass(ImportFailureRow.Key.class)
class ImportFailureRow {

    @Id
    private String source;
    @Id
    private String subject;
    private Integer tmdbId;
    private String imdbId;
    private String title;
    private Integer year;
    private String reason;
    private int retryCount;
    private String detail;
    private Instant lastAttemptAt;

    protected ImportFailureRow() {
    }

    ImportFailuresController.ImportFailure view() {
        return new ImportFailuresController.ImportFailure(tmdbId, imdbId, title, year, source, reason, retryCount,
                detail, lastAttemptAt, subject);
    }

    record Key(String source, String subject) implements Serializable {
    }
}
