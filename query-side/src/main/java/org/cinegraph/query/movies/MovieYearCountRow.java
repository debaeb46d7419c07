package org.cinegraph.query.movies;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/** A row of {@code movie_year_counts}: the movies of a year, which the movies projection counts as it writes them. */
@Entity
@Immutable
@Table(name = "movie_year_counts")
class MovieYearCountRow {

    @Id
    private int year;
    private int movies;

    protected MovieYearCountRow() {
    }
}
