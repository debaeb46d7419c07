package org.cinegraph.query.movies;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.OptionalLong;
import org.cinegraph.query.web.ListPage;
import org.cinegraph.query.web.Paging;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.stereotype.Component;

/**
 * The pages of {@code GET /api/movies}, in JPQL: one query text per combination of filters, whose plan Hibernate
 * keeps (a criteria query it would plan anew at every call). A page selects the columns of a list only: a movie's
 * TMDb record is several kilobytes that a list never shows.
 */
@Component
record MovieLists(EntityManager entities) {

    private static final String SUMMARIES = "select new org.cinegraph.query.movies.MovieSummary(m.tmdbId, m.imdbId,"
            + " m.title, m.releaseDate, m.popularity, m.voteCount, m.runtime, m.originalLanguage, m.removedFromTmdbAt)"
            + " from MovieRow m";
    /**
     * The order movies_year_popularity_idx and movies_popularity_idx hold (V19), and for the few removed
     * movies_removed_year_popularity_idx and movies_removed_popularity_idx (V28): a page reads only its rows.
     */
    private static final String MOST_POPULAR_FIRST = " order by m.popularity desc nulls last, m.tmdbId";

    /**
     * The movies of the filter, most popular first.
     *
     * @param counted how many movies the filter keeps, when a projection counts them; else they are counted here,
     *                unless the page itself says how many there are
     */
    ListPage<MovieSummary> page(MovieFilter filter, Paging paging, OptionalLong counted) {
        List<MovieSummary> movies = filter.bind(entities.createQuery(SUMMARIES + filter.where() + MOST_POPULAR_FIRST,
                        MovieSummary.class))
                .setFirstResult(paging.offset()).setMaxResults(paging.limit()).getResultList();
        if (counted.isPresent()) {
            return new ListPage<>(counted.getAsLong(), movies);
        }
        return ListPage.of(PageableExecutionUtils.getPage(movies, paging, () -> filter.bind(
                entities.createQuery("select count(m) from MovieRow m" + filter.where(), Long.class))
                .getSingleResult()));
    }
}
