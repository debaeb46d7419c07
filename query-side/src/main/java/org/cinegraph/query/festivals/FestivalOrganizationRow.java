package org.cinegraph.query.festivals;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** A row of {@code festival_organizations}, which the festivals projection writes. */
@Entity
@Immutable
@Table(name = "festival_organizations")
class FestivalOrganizationRow {

    @Id
    private String abbreviation;
    private String name;
    private Instant registeredAt;

    protected FestivalOrganizationRow() {
    }
}
