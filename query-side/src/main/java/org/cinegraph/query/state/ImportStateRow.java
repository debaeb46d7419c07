package org.cinegraph.query.state;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/**
 * A key of {@code import_state} with its value, which the import-state projection writes; {@code position} is the
 * global index of the event that set it.
 */
@Entity
@Immutable
@Table(name = "import_state")
class ImportStateRow {

    @Id
    private String key;
    private String value;
    private long position;
    private Instant updatedAt;

    protected ImportStateRow() {
    }

    String key() {
        return key;
    }

    String value() {
        return value;
    }
}
