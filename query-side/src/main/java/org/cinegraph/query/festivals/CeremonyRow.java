package org.cinegraph.query.festivals;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** A row of {@code festival_ceremonies}, which the festivals projection writes: a ceremony as last read. */
@Entity
@Immutable
@Table(name = "festival_ceremonies")
@IdClass(CeremonyRow.Key.class)
class CeremonyRow {

    @Id
    private String organization;
    @Id
    private int year;
    private int ceremonyNumber;
    private String sourceUrl;
    private String contentHash;
    private Instant scrapedAt;

    protected CeremonyRow() {
    }

    int ceremonyNumber() {
        return ceremonyNumber;
    }

    record Key(String organization, int year) implements Serializable {
    }
}
