package org.cinegraph.query.movies;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A row of {@code movies}, which the movies projection writes: an imported movie with {@code tmdbData}, its whole
 * TMDb record. The table keeps the record as {@code json}, the text the importer received; it is read through
 * {@code jsonb}, so the API answers it as it always has (PostgreSQL's rendering: fields in its order, its spacing),
 * for the one movie a read asks for, where parsing every record on every write is what cost a replay its time.
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
    @Column(columnDefinition = "json")
    @ColumnTransformer(read = "CAST(tmdb_data AS jsonb)")
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
