package org.cinegraph.query.movies;

import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.List;

/**
 * The movies a list asks for, as the conditions of a JPQL query: their year, a title pattern (an ILIKE pattern
 * escaped with {@code !}, see {@link org.cinegraph.query.web.ListFilters}) and whether TMDb's export no longer lists
 * them; a null one keeps every movie.
 */
record MovieFilter(Integer year, String title, Boolean removed) {

    /** The {@code where} clause, empty when nothing is asked for: one text per combination of filters. */
    String where() {
        List<String> conditions = new ArrayList<>();
        if (year != null) {
            conditions.add("m.year = :year");
        }
        if (title != null) {
            conditions.add("m.title ilike :title escape '!'");
        }
        if (removed != null) {
            conditions.add(removed ? "m.removedFromTmdbAt is not null" : "m.removedFromTmdbAt is null");
        }
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    /** Binds the filters' values to the query of {@link #where()}. */
    <Q extends Query> Q bind(Q query) {
        if (year != null) {
            query.setParameter("year", year);
        }
        if (title != null) {
            query.setParameter("title", title);
        }
        return query;
    }
}
