package org.cinegraph.query.festivals;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Arrays;
import org.hibernate.annotations.Immutable;

/**
 * A row of {@code festival_nominations}, which the festivals projection writes: a nomination, with the movie it is
 * matched to (none while unmatched).
 */
@Entity
@Immutable
@Table(name = "festival_nominations")
@IdClass(NominationRow.Key.class)
class NominationRow {

    @Id
    private String organization;
    @Id
    private int year;
    @Id
    private String category;
    @Id
    private String nominationKey;
    private String film;
    private String[] names;
    private String detail;
    private boolean winner;
    private int position;
    private Integer tmdbId;
    private String imdbId;

    protected NominationRow() {
    }

    String category() {
        return category;
    }

    FestivalsController.NominationView view() {
        return new FestivalsController.NominationView(film, Arrays.asList(names), detail, winner, tmdbId, imdbId);
    }

    record Key(String organization, int year, String category, String nominationKey) implements Serializable {
    }
}
