package org.cinegraph.query.lists;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** A row of {@code canonical_lists}, which the lists projection writes: a list as last uploaded changed. */
@Entity
@Immutable
@Table(name = "canonical_lists")
class CanonicalListRow {

    @Id
    private String listKey;
    private String contentHash;
    private Instant importedAt;

    protected CanonicalListRow() {
    }
}
