package org.cinegraph.query.movies;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A row of {@code movies}, which the movies projection writes: an imported movie with {@code tmdbData}, its whole
 * TMDb record as PostgreSQL keeps it ({@code jsonb}), read as PostgreSQL writes it out.
 */
@Entity
@Immutable
@Table(name = "movies")
class MovieRow {

    @Id
    private int tmdbId;
    private String imdbId;
    private String title;
    private LocalDate releaseDate;
    private Integer year;
    private Double popularity;
    private Integer voteCount;
    @JdbcTypeCode(SqlTypes.JSON)
    private String tmdbData;
    private Instant importedAt;
    private Integer runtime;
    private String originalLanguage;
    private Instant removedFromTmdbAt;

    protected MovieRow() {
    }

    MoviesController.MovieView view() {
        return new MoviesController.MovieView(tmdbId, imdbId, title, releaseDate, popularity, voteCount, runtime,
                originalLanguage, removedFromTmdbAt, tmdbData);
    }
}
