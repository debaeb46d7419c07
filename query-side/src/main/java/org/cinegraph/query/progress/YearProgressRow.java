package org.cinegraph.query.progress;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** A row of {@code year_progress}, which the year-progress projection writes; read as a {@link YearProgress}. */
@Entity
@Immutable
@Table(name = "year_progress")
class YearProgressRow {

    @Id
    private int year;
    private String status;
    private String trigger;
    private Integer tmdbTotal;
    private int discovered;
    private int imported;
    private int skipped;
    private int failed;
    private Integer pagesTotal;
    private int pagesDone;
    private Instant startedAt;
    private Instant completedAt;
    private Instant lastProgressAt;
    private String failureReason;

    protected YearProgressRow() {
    }
}
