package org.cinegraph.query.lists;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import org.hibernate.annotations.Immutable;

/**
 * A row of {@code canonical_list_members}, which the lists projection writes: a member of a list and how far its
 * lookup got ({@code pending}, {@code found} with its TMDb id, {@code not_found} with the reason).
 */
@Entity
@Immutable
@Table(name = "canonical_list_members")
@IdClass(ListMemberRow.Key.class)
class ListMemberRow {

    @Id
    private String listKey;
    @Id
    private String imdbId;
    private int position;
    private String title;
    private Integer year;
    private String status;
    private Integer tmdbId;
    private String reason;
    private int attempts;

    protected ListMemberRow() {
    }

    record Key(String listKey, String imdbId) implements Serializable {
    }
}
