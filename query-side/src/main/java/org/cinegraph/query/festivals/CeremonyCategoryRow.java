package org.cinegraph.query.festivals;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import org.hibernate.annotations.Immutable;

/** A row of {@code festival_categories}, which the festivals projection writes: a ceremony's category, in page order. */
@Entity
@Immutable
@Table(name = "festival_categories")
@IdClass(CeremonyCategoryRow.Key.class)
class CeremonyCategoryRow {

    @Id
    private String organization;
    @Id
    private int year;
    @Id
    private String name;
    private int position;

    protected CeremonyCategoryRow() {
    }

    String name() {
        return name;
    }

    record Key(String organization, int year, String name) implements Serializable {
    }
}
